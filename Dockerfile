# Kvitt's production image. Three stages: production dependencies, the build, and a small runtime
# that runs as an unprivileged user. The server (`npm start`) refuses to start until every required setting is
# given (see README, "Deployment"). Migrations run as their own step: `npm run migrate`.

# 1. Production dependencies only (what the runtime image carries).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# 2. The build, with every dependency.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The build cache is not needed at run time.
RUN npx next build && rm -rf .next/cache

# 3. The runtime: the build, the migrations and the server, on production dependencies.
FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_CACHE=/tmp/.npm \
    PORT=3000
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/package-lock.json /app/next.config.ts /app/tsconfig.json ./
COPY --from=build /app/.next ./.next
COPY --from=build /app/public ./public
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/messages ./messages
COPY --from=build /app/scripts ./scripts
# Next.js keeps its runtime cache under .next/cache: the one place the app writes.
# …and the print batches (a volume in compose.yaml).
RUN mkdir -p .next/cache /var/lib/kvitt/print && chown -R 10001:10001 .next/cache /var/lib/kvitt
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `npm start`'s own command, without npm in between: npm does not pass SIGTERM on to the server,
# which would then be killed mid-request instead of finishing what it is doing.
CMD ["node", "scripts/start.mjs"]
