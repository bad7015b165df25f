import { sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { rowsOf } from "../../db/client";
import { todayInStockholm, type IsoDate } from "../../domain/calendar";

/** The uuid a general question (one about no case) is counted under in the reply rollup. */
export const NO_CREDITOR = "00000000-0000-0000-0000-000000000000";

/**
 * Rebuilds the dashboard's rollups from the rows: each case with a collection letter becomes one
 * fact (letter day, creditor, the letter's channel from the outbox, due day against payday, age
 * band, when it was paid or put in a plan, where it stands now), and the facts are counted into
 * `insight_cube` and `insight_experiment_arms`; first replies to messages into
 * `insight_reply_cube`. One transaction: readers see the old figures until the new ones are
 * complete. Run by the `insights-refresh` job; never on a page view.
 */
export async function refreshInsights(db: Db, now: Date): Promise<{ cases: number; tookMs: number; asOf: IsoDate }> {
  const started = Date.now();
  const today = todayInStockholm(now);
  return db.transaction(async (tx) => {
    // Two refreshes at once would only do the work twice; the second waits for the first.
    await tx.execute(sql`select pg_advisory_xact_lock(7171717)`);
    await tx.execute(sql`drop table if exists insight_facts`);
    await tx.execute(sql`
      create temporary table insight_facts on commit drop as
      with letter as (
        select distinct on (o.case_id) o.case_id, o.channel::text as channel,
          (coalesce(o.sent_at, o.scheduled_for) at time zone 'Europe/Stockholm')::date as letter_on
        from outbox o
        where o.kind = 'collection_letter' and o.case_id is not null and o.status in ('sent', 'delivered')
        order by o.case_id, coalesce(o.sent_at, o.scheduled_for)
      ),
      plan as (
        select pc.case_id,
          min((p.signed_at at time zone 'Europe/Stockholm')::date) as signed_on,
          bool_or(p.status in ('active', 'paused', 'completed')) as kept,
          bool_or(p.status = 'lapsed') as lapsed,
          bool_or(pc.live = 1 and p.status in ('active', 'paused')) as live
        from plan_cases pc
        join instalment_plans p on p.id = pc.plan_id
        where p.signed_at is not null
        group by pc.case_id
      ),
      hold as (
        select distinct case_id from case_holds
        where lifted_at is null and (ends_on is null or ends_on >= ${today}::date)
      ),
      base as (
        select c.id as case_id, c.creditor_id, c.status, c.disputed, c.closed_on, c.updated_at,
          coalesce(c.due_date_moved_from, c.due_date) as due_date, d.birth_date,
          coalesce(l.letter_on, c.collection_letter_sent_on) as letter_on,
          coalesce(l.channel, 'none') as channel,
          pl.signed_on, pl.kept, pl.lapsed, pl.live, h.case_id is not null as on_hold
        from cases c
        join debtors d on d.id = c.debtor_id
        left join letter l on l.case_id = c.id
        left join plan pl on pl.case_id = c.id
        left join hold h on h.case_id = c.id
      )
      select case_id, creditor_id, letter_on, channel,
        case when extract(day from due_date) < 25 then 'before' when extract(day from due_date) = 25 then 'on' else 'after' end as due_group,
        case
          when date_part('year', age(letter_on, birth_date)) <= 25 then '18-25'
          when date_part('year', age(letter_on, birth_date)) <= 40 then '26-40'
          when date_part('year', age(letter_on, birth_date)) <= 65 then '41-65'
          else '66+'
        end as age_band,
        least(case when status = 'paid' then coalesce(closed_on, (updated_at at time zone 'Europe/Stockholm')::date) end, signed_on) as settled_on,
        status = 'paid' as paid,
        (status = 'in_plan' or coalesce(live, false)) and status <> 'paid' as in_plan,
        disputed,
        on_hold,
        status = 'sent_to_enforcement' as enforcement,
        coalesce(kept, false) as plan_kept,
        coalesce(lapsed, false) and not coalesce(kept, false) as plan_lapsed
      from base
      where letter_on is not null and letter_on <= ${today}::date`);

    await tx.execute(sql`delete from insight_cube`);
    await tx.execute(sql`
      insert into insight_cube (letter_on, creditor_id, channel, due_group, age_band, cases, eligible5, paid5, eligible14, paid14, eligible30, paid30, paid, in_plan, disputed, on_hold, enforcement, plans_kept, plans_lapsed)
      select letter_on, creditor_id, channel, due_group, age_band,
        count(*),
        count(*) filter (where letter_on <= ${today}::date - 5),
        count(*) filter (where letter_on <= ${today}::date - 5 and settled_on <= letter_on + 5),
        count(*) filter (where letter_on <= ${today}::date - 14),
        count(*) filter (where letter_on <= ${today}::date - 14 and settled_on <= letter_on + 14),
        count(*) filter (where letter_on <= ${today}::date - 30),
        count(*) filter (where letter_on <= ${today}::date - 30 and settled_on <= letter_on + 30),
        count(*) filter (where paid),
        count(*) filter (where in_plan),
        count(*) filter (where disputed),
        count(*) filter (where on_hold),
        count(*) filter (where enforcement),
        count(*) filter (where plan_kept),
        count(*) filter (where plan_lapsed)
      from insight_facts
      group by letter_on, creditor_id, channel, due_group, age_band`);

    await tx.execute(sql`delete from insight_experiment_arms`);
    await tx.execute(sql`
      insert into insight_experiment_arms (experiment_id, arm, cases, eligible14, paid14)
      select ec.experiment_id, ec.arm, count(*),
        count(*) filter (where f.letter_on <= ${today}::date - 14),
        count(*) filter (where f.letter_on <= ${today}::date - 14 and f.settled_on <= f.letter_on + 14)
      from experiment_cases ec
      join insight_facts f on f.case_id = ec.case_id
      group by ec.experiment_id, ec.arm`);

    // Time to the first reply: each conversation's first message from the person, our first
    // answer after it, and the day we promised to answer by.
    await tx.execute(sql`delete from insight_reply_cube`);
    await tx.execute(sql`
      insert into insight_reply_cube (asked_on, creditor_id, threads, answered, on_time, hours_sum, hours_squares)
      with asked as (
        select t.id, t.case_id, t.reply_due_on, min(m.created_at) as asked_at
        from threads t
        join messages m on m.thread_id = t.id and m.author = 'debtor'
        group by t.id, t.case_id, t.reply_due_on
      ),
      answered as (
        select a.id, min(m.created_at) as answered_at
        from asked a
        join messages m on m.thread_id = a.id and m.author = 'staff' and m.created_at > a.asked_at
        group by a.id
      ),
      pairs as (
        select (a.asked_at at time zone 'Europe/Stockholm')::date as asked_on,
          coalesce(c.creditor_id, ${NO_CREDITOR}::uuid) as creditor_id,
          a.reply_due_on, r.answered_at,
          extract(epoch from (r.answered_at - a.asked_at)) / 3600.0 as hours
        from asked a
        left join answered r on r.id = a.id
        left join cases c on c.id = a.case_id
      )
      select asked_on, creditor_id, count(*), count(answered_at),
        count(*) filter (where answered_at is not null and (answered_at at time zone 'Europe/Stockholm')::date <= reply_due_on),
        coalesce(sum(hours), 0), coalesce(sum(hours * hours), 0)
      from pairs
      group by asked_on, creditor_id`);

    const counted = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from insight_facts`));
    const cases = Number(counted[0]?.n ?? 0);
    const tookMs = Date.now() - started;
    await tx.execute(sql`
      insert into insight_refreshes (id, refreshed_at, as_of, cases, took_ms) values (1, ${now.toISOString()}::timestamptz, ${today}::date, ${cases}, ${tookMs})
      on conflict (id) do update set refreshed_at = excluded.refreshed_at, as_of = excluded.as_of, cases = excluded.cases, took_ms = excluded.took_ms`);
    return { cases, tookMs, asOf: today };
  });
}
