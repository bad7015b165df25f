-- What waited in the outbox as "pending" is "queued" from now on.
ALTER TYPE "public"."outbox_status" RENAME VALUE 'pending' TO 'queued';
