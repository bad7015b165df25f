import type { MessageContent } from "./render";

/** The shapes a message takes per channel: an SMS text, an e-mail's text and HTML parts. */

export function smsText(content: MessageContent, link: string | null): string {
  return content.smsText.replace("{link}", link ?? "");
}

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function emailText(content: MessageContent, link: string | null, unsubscribe: string | null): string {
  const lines = [content.greeting, "", ...content.paragraphs.flatMap((p) => [p, ""])];
  if (content.rows.length > 0) lines.push(...content.rows.map(([label, value]) => `${label}: ${value}`), "");
  if (link) lines.push(content.labels.link, link, "");
  lines.push(content.labels.contact, "", content.labels.signoff);
  if (unsubscribe) lines.push("", `${content.labels.unsubscribe} ${unsubscribe}`);
  return lines.join("\n");
}

export function emailHtml(content: MessageContent, link: string | null, unsubscribe: string | null, language: "sv" | "en"): string {
  const rows = content.rows.length
    ? `<table role="presentation" style="border-collapse:collapse;margin:16px 0">${content.rows
        .map(([label, value]) => `<tr><td style="padding:4px 16px 4px 0">${escape(label)}</td><td style="padding:4px 0;font-weight:bold">${escape(value)}</td></tr>`)
        .join("")}</table>`
    : "";
  const button = link
    ? `<p>${escape(content.labels.link)}</p><p><a href="${escape(link)}" style="display:inline-block;background:#0f5250;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${escape(content.labels.linkLabel)}</a></p>`
    : "";
  return `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(content.subject)}</title></head>
<body style="font-family:system-ui,sans-serif;font-size:16px;line-height:1.5;color:#1a2426;max-width:36em;margin:0 auto;padding:16px">
<p style="font-size:20px;font-weight:bold;color:#0f5250">Kvitt</p>
<h1 style="font-size:22px">${escape(content.subject)}</h1>
<p>${escape(content.greeting)}</p>
${content.paragraphs.map((p) => `<p>${escape(p)}</p>`).join("\n")}
${rows}
${button}
<p>${escape(content.labels.contact)}</p>
<p>${escape(content.labels.signoff)}</p>
${unsubscribe ? `<p style="font-size:14px;color:#4a5a5c">${escape(content.labels.unsubscribe)} <a href="${escape(unsubscribe)}">${escape(unsubscribe)}</a></p>` : ""}
</body></html>`;
}
