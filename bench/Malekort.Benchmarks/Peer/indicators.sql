-- Målekort's indicators (docs/indicators.md, readings in docs/decisions.md) written as SQL over the engine's own rows
-- (BatchRows, appended as they are stored), for DuckDB. The engine's results must equal these row by row.
-- Day numbers are DateOnly.DayNumber (days since 0001-01-01); NULL is an open end or a missing date. A month is
-- year * 12 + month - 1 (Month.Index). {base} is 12 months before {first}, so every long-term window is in range;
-- {first_day} and {last_day} are the first day of {base} and the last day of {last}.
-- Statements are separated by a line holding only ';;' so each can be timed on its own.
--
-- Written as someone who knows DuckDB would write it: a person's months are one BIGINT, bit i for month {base} + i (48 bits
-- for 36 months and the year before), so a fact is one row per person, not one per person and month; ranges become masks
-- (bit_or of spans), the batch that is the truth for a history becomes a mask and-ed with the history's, long-term status is
-- bit_count over a 12-bit slice; superseded events are dropped by hash anti joins; persons are keyed by their stored id
-- alone (people.id names one person in one unit), units and indicators by integers until the last statement.
--
-- Month of a day number. Every conversion is done once per row, in a projection, never inside an aggregate's argument.
CREATE OR REPLACE MACRO month_of(d) AS year(DATE '0001-01-01' + d) * 12 + month(DATE '0001-01-01' + d) - 1
;;
-- The months lo … hi (clipped to {base} … {last}) as bits; greatest and least skip NULL, so a NULL end is open.
CREATE OR REPLACE MACRO span_of(a, z) AS CASE WHEN z < a THEN 0::BIGINT ELSE ((1::BIGINT << (z - a + 1)) - 1) << a END
;;
CREATE OR REPLACE MACRO span(lo, hi) AS span_of(greatest(lo, {base}) - {base}, least(hi, {last}) - {base})
;;
CREATE OR REPLACE MACRO in_month(mask, i) AS ((mask >> i) & 1) = 1
;;
-- The first month whose last day finds someone born in month bm aged n; 29 February (leap) completes a year on 1 March.
CREATE OR REPLACE MACRO aged_y(bm, leap, y) AS
    bm + 12 * (y - bm // 12) + CASE WHEN leap AND NOT (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0)) THEN 1 ELSE 0 END
;;
CREATE OR REPLACE MACRO aged(bm, leap, n) AS aged_y(bm, leap, bm // 12 + n)
;;
-- Born on 29 February: in February, and so is the day 28 days before.
CREATE OR REPLACE MACRO leap_day(bm, d) AS bm % 12 = 1 AND month_of(d - 28) = bm
;;
-- Batches ranked within their unit by extract time (ties: stored later wins); a keyed batch is replaced by a newer
-- batch with the same key in any unit.
CREATE OR REPLACE TABLE b AS
SELECT bid, uid, domains, skey IS NULL AS is_full, from_day, to_day, from_m, to_m,
       span(from_m, to_m) AS cur, span(greatest(to_m + 1, from_m), {last}) AS past,
       row_number() OVER (PARTITION BY uid ORDER BY extracted, bid) AS rnk,
       skey IS NOT NULL AND row_number() OVER (PARTITION BY skey ORDER BY extracted DESC, bid DESC) > 1 AS replaced
FROM (SELECT *, month_of(from_day) AS from_m, month_of(to_day) AS to_m FROM batches)
;;
-- The months each batch is the truth for a part (CaptureDomains bits): the newest full-truth batch overlapping the month,
-- else the newest keyed one, so a batch's own months less those of every batch before it in that order.
CREATE OR REPLACE TABLE auth AS
SELECT uid, bid, part, domains,
       cur & ~coalesce(bit_or(cur) OVER (PARTITION BY uid, part ORDER BY is_full DESC, rnk DESC
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS mask
FROM b, (VALUES (2), (4), (8), (16), (32), (64), (128), (256), (512), (1024)) p(part)
WHERE (domains & part) <> 0 AND NOT replaced
;;
-- The months each unit has each part captured.
CREATE OR REPLACE TABLE cap AS SELECT uid, part, bit_or(mask) AS mask FROM auth GROUP BY uid, part
;;
-- For dated events: the days of newer full-truth batches with the part, which supersede an older batch's events.
CREATE OR REPLACE TABLE cover AS
SELECT x.bid AS own, p.part, y.from_day, y.to_day
FROM b x
JOIN b y ON y.uid = x.uid AND y.rnk > x.rnk AND y.is_full
JOIN (VALUES (2), (16), (128), (256), (512), (1024)) p(part) ON (y.domains & p.part) <> 0
WHERE NOT x.replaced
;;
-- Recipients: a kept paid payment puts its person in every month its days overlap.
CREATE OR REPLACE TABLE rec AS
SELECT person, any_value(uid) AS uid, bit_or(span(fm, tm)) AS r
FROM (SELECT p.person, k.uid, month_of(p.from_day) AS fm, month_of(p.to_day) AS tm
      FROM payments p
      JOIN b k ON k.bid = p.bid AND NOT k.replaced
      ANTI JOIN (SELECT own, from_day, to_day FROM cover WHERE part = 2) c ON c.own = p.bid AND p.dating BETWEEN c.from_day AND c.to_day
      WHERE p.dating IS NOT NULL AND p.from_day IS NOT NULL AND p.to_day >= {first_day} AND p.from_day <= {last_day})
GROUP BY person
;;
-- History rows (livelihood 5, children, KVP, job seekers): the months each batch says a fact holds, per batch and person.
-- Main livelihood 5 in M: the latest row with valid_from <= M.end (a stored valid_to is not read).
CREATE OR REPLACE TABLE l5r AS
SELECT bid, person, bit_or(span(fm, nm - 1)) AS mask
FROM (SELECT bid, person, month_of(valid_from) AS fm, month_of(next_from) AS nm
      FROM (SELECT bid, person, valid_from, source, lead(valid_from) OVER (PARTITION BY bid, person ORDER BY valid_from, ord) AS next_from
            FROM livelihood)
      WHERE source = 5)
GROUP BY bid, person
;;
-- Provider and provider duty in household: a child born by M.end, aged <= 17 on M.end, the row valid in M.
CREATE OR REPLACE TABLE famr AS
SELECT bid, person, coalesce(bit_or(mask) FILTER (WHERE provider), 0) AS prov, coalesce(bit_or(mask) FILTER (WHERE duty), 0) AS duty
FROM (SELECT bid, person, provider, duty, span(greatest(bm, fm), least(aged(bm, leap, 18) - 1, tm)) AS mask
      FROM (SELECT bid, person, provider, duty, bm, leap_day(bm, birth) AS leap, month_of(valid_from) AS fm, month_of(valid_to) AS tm
            FROM (SELECT *, month_of(birth) AS bm FROM children WHERE provider OR duty)))
GROUP BY bid, person
;;
-- KVP: during M (B51: end >= M.start) and at M's end (B.151: end > M.end).
CREATE OR REPLACE TABLE kvpr AS
SELECT bid, person, bit_or(span(sm, em)) AS kd, bit_or(span(sm, em - 1)) AS ke
FROM (SELECT bid, person, month_of(start_day) AS sm, month_of(end_day) AS em FROM kvp)
GROUP BY bid, person
;;
-- Ordinary job seekers registered on M.end: to the month before the last day's, or its month when that is the month's last day.
CREATE OR REPLACE TABLE jsr AS
SELECT bid, person, bit_or(span(fm, tm)) AS mask
FROM (SELECT bid, person, month_of(from_day) AS fm, month_of(to_day + 1) - 1 AS tm FROM jobseekers)
GROUP BY bid, person
;;
-- The batch that is the truth for a person's history part in a month the unit has the part captured for: of the batches
-- that list the person and have the part, one overlapping the month before one that ended earlier (a batch starting after
-- the month has said nothing yet), full-truth before keyed, newer before older. As masks: a batch's overlapping months less
-- those of the batches before it, then its months after its end less every overlapping batch's and those of ended batches
-- before it.
CREATE OR REPLACE TABLE win AS
SELECT bid, person, part,
       ((cur & ~coalesce(bit_or(cur) OVER before, 0))
        | (past & ~(bit_or(cur) OVER (PARTITION BY person, part)) & ~coalesce(bit_or(past) OVER before, 0))) & cap AS mask
FROM (SELECT l.bid, l.person, h.part, k.is_full, k.rnk, c.mask AS cap, k.cur, k.past
      FROM (SELECT DISTINCT person, part FROM (
                SELECT person, 4 AS part FROM l5r UNION ALL SELECT person, 8 FROM famr
                UNION ALL SELECT person, 32 FROM kvpr UNION ALL SELECT person, 64 FROM jsr)) h
      JOIN listed l ON l.person = h.person
      JOIN b k ON k.bid = l.bid AND NOT k.replaced AND (k.domains & h.part) <> 0
      JOIN cap c ON c.uid = k.uid AND c.part = h.part)
WINDOW before AS (PARTITION BY person, part ORDER BY is_full DESC, rnk DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
;;
CREATE OR REPLACE TABLE l5m AS
SELECT x.person, bit_or(x.mask & w.mask) AS l5 FROM l5r x JOIN win w ON w.part = 4 AND w.bid = x.bid AND w.person = x.person
GROUP BY x.person
;;
CREATE OR REPLACE TABLE famm AS
SELECT x.person, bit_or(x.prov & w.mask) AS prov, bit_or(x.duty & w.mask) AS duty
FROM famr x JOIN win w ON w.part = 8 AND w.bid = x.bid AND w.person = x.person
GROUP BY x.person
;;
CREATE OR REPLACE TABLE kvpm AS
SELECT x.person, any_value(k.uid) AS uid, bit_or(x.kd & w.mask) AS kd, bit_or(x.ke & w.mask) AS ke
FROM kvpr x JOIN win w ON w.part = 32 AND w.bid = x.bid AND w.person = x.person JOIN b k ON k.bid = x.bid
GROUP BY x.person
;;
CREATE OR REPLACE TABLE jsm AS
SELECT x.person, any_value(k.uid) AS uid, bit_or(x.mask & w.mask) AS js
FROM jsr x JOIN win w ON w.part = 64 AND w.bid = x.bid AND w.person = x.person JOIN b k ON k.bid = x.bid
GROUP BY x.person
;;
-- Followed up in M-2 ... M: a kept follow-up marks its month and the two after it.
CREATE OR REPLACE TABLE fu AS
SELECT person, bit_or(span(m, m + 2)) AS fu
FROM (SELECT f.person, month_of(f.day) AS m
      FROM followups f
      JOIN b k ON k.bid = f.bid AND NOT k.replaced
      ANTI JOIN (SELECT own, from_day, to_day FROM cover WHERE part = 128) c ON c.own = f.bid AND f.day BETWEEN c.from_day AND c.to_day
      WHERE f.day BETWEEN {first_day} AND {last_day})
GROUP BY person
;;
-- Conditions, exemptions and sanctions are events: kept unless a newer full-truth batch with their part covers the day of
-- the decision (conditions 256, exemptions 512) or the sanction (1024). A condition is valid in every month its period
-- overlaps; activity codes are the spec's Choice 16, 17, 04, 06, 07, 08, 19, 20, bits 0–5, 10 and 11 of KOSTRA's order
-- 16 17 04 06 07 08 10 18 14 15 19 20 (3135). An exemption holds from the month it is decided on. A sanction known only
-- by year is dated 31 December of it.
CREATE OR REPLACE TABLE condm AS
SELECT person, coalesce(bit_or(span(fm, tm)) FILTER (WHERE (codes & 3135) <> 0), 0) AS act, bit_or(span(fm, tm)) AS anyc
FROM (SELECT c.person, c.codes, month_of(c.from_day) AS fm, month_of(c.to_day) AS tm
      FROM conditions c
      JOIN b k ON k.bid = c.bid AND NOT k.replaced
      ANTI JOIN (SELECT own, from_day, to_day FROM cover WHERE part = 256) v ON v.own = c.bid AND c.decided BETWEEN v.from_day AND v.to_day)
GROUP BY person
;;
CREATE OR REPLACE TABLE exm AS
SELECT person, bit_or(span(m, {last})) AS ex
FROM (SELECT e.person, month_of(e.decided) AS m
      FROM exemptions e
      JOIN b k ON k.bid = e.bid AND NOT k.replaced
      ANTI JOIN (SELECT own, from_day, to_day FROM cover WHERE part = 512) v ON v.own = e.bid AND e.decided BETWEEN v.from_day AND v.to_day)
GROUP BY person
;;
CREATE OR REPLACE TABLE sanm AS
SELECT person, any_value(uid) AS uid, bit_or(span(m, m)) AS sanc
FROM (SELECT x.person, x.uid, month_of(x.d) AS m
      FROM (SELECT s.bid, s.person, k.uid, coalesce(s.day, s.year * 365 + s.year // 4 - s.year // 100 + s.year // 400 - 1) AS d
            FROM sanctions s JOIN b k ON k.bid = s.bid AND NOT k.replaced) x
      ANTI JOIN (SELECT own, from_day, to_day FROM cover WHERE part = 1024) v ON v.own = x.bid AND x.d BETWEEN v.from_day AND v.to_day
      WHERE x.d BETWEEN {first_day} AND {last_day})
GROUP BY person
;;
-- Birth dates from the newest batch that gives one, as the months the person is young (aged <= 24 on M.end) and in the
-- activity duty's ages (18–29 on M.end); only recipients' ages are read.
CREATE OR REPLACE TABLE ages AS
SELECT person, span({base}, aged(bm, leap, 25) - 1) AS young, span(aged(bm, leap, 18), aged(bm, leap, 30) - 1) AS duty_age
FROM (SELECT person, bm, leap_day(bm, birth) AS leap
      FROM (SELECT person, birth, month_of(birth) AS bm FROM (
                SELECT x.person, arg_max(x.birth, k.rnk) AS birth FROM births x JOIN b k ON k.bid = x.bid SEMI JOIN rec r ON r.person = x.person
                GROUP BY x.person)))
;;
-- The months M for which a month in M-6 … M is set.
CREATE OR REPLACE MACRO spread7(x) AS x | (x << 1) | (x << 2) | (x << 3) | (x << 4) | (x << 5) | (x << 6)
;;
-- One row per person who can count in something on their own (a recipient, in KVP, a job seeker, sanctioned), with every
-- count's months as a mask; long-term status needs the month's 12-month slice of r, so its counts keep r and the mask they
-- are and-ed with. B.102 version 2's long-term: six consecutive months with assistance that end within M-6 … M.
CREATE OR REPLACE TABLE pm AS
WITH who AS (SELECT person, uid FROM rec UNION SELECT person, uid FROM kvpm UNION SELECT person, uid FROM jsm
             UNION SELECT person, uid FROM sanm)
SELECT uid, r, l5, l5 & young AS l5y, l5 & prov AS l5p, r & young AS bl153, kd, r & duty AS b104, ke, js & fu AS b10, js,
       r & ~rp AS inflow, rp & ~r AS outflow, r & duty_age & act AS v101, r & duty_age AS v101den, r & anyc AS v102,
       r & duty_age & ex & ~act AS v103, sanc, r & js AS linked_js, r & js & fu AS linked_fu,
       spread7(r & (r << 1) & (r << 2) & (r << 3) & (r << 4) & (r << 5)) & l5 AS bl152c,
       r | rp | l5 | kd | ke | js | sanc AS anything
FROM (SELECT w.uid, coalesce(rec.r, 0) AS r, coalesce(rec.r, 0) << 1 AS rp, coalesce(l5m.l5, 0) AS l5, coalesce(famm.prov, 0) AS prov,
             coalesce(famm.duty, 0) AS duty, coalesce(kvpm.kd, 0) AS kd, coalesce(kvpm.ke, 0) AS ke, coalesce(jsm.js, 0) AS js,
             coalesce(fu.fu, 0) AS fu, coalesce(condm.act, 0) AS act, coalesce(condm.anyc, 0) AS anyc, coalesce(exm.ex, 0) AS ex,
             coalesce(sanm.sanc, 0) AS sanc, coalesce(ages.young, 0) AS young, coalesce(ages.duty_age, 0) AS duty_age
      FROM who w
      LEFT JOIN rec USING (person) LEFT JOIN l5m USING (person) LEFT JOIN famm USING (person) LEFT JOIN kvpm USING (person)
      LEFT JOIN jsm USING (person) LEFT JOIN fu USING (person) LEFT JOIN condm USING (person) LEFT JOIN exm USING (person)
      LEFT JOIN sanm USING (person) LEFT JOIN ages USING (person))
;;
-- Each month {first} … {last} of each person with a fact in it; long-term: recipient in at least 6 of the months M-11 … M.
CREATE OR REPLACE TABLE person_counts AS
SELECT uid, {base} + i AS m,
       count_if(in_month(r, i)) AS bl151, count_if(lt AND in_month(l5, i)) AS bl152, count_if(in_month(bl153, i)) AS bl153,
       count_if(lt AND in_month(l5y, i)) AS bl154, count_if(lt AND in_month(r, i)) AS bl166, count_if(lt AND in_month(l5p, i)) AS bl174,
       count_if(in_month(kd, i)) AS b51, count_if(in_month(b104, i)) AS b104, count_if(in_month(ke, i)) AS b151,
       count_if(in_month(b10, i)) AS b10, count_if(in_month(js, i)) AS b10den, count_if(in_month(inflow, i)) AS inflow,
       count_if(in_month(outflow, i)) AS outflow, count_if(in_month(v101, i)) AS v101, count_if(in_month(v101den, i)) AS v101den,
       count_if(in_month(v102, i)) AS v102, count_if(in_month(v103, i)) AS v103, count_if(in_month(sanc, i)) AS v104,
       count_if(in_month(linked_js, i)) AS linked_js, count_if(in_month(linked_fu, i)) AS linked_fu, count_if(in_month(bl152c, i)) AS bl152c
FROM (SELECT p.*, t.i, bit_count((p.r >> (t.i - 11)) & 4095) >= 6 AS lt
      FROM pm p, range({first} - {base}, {last} - {base} + 1) t(i)
      WHERE in_month(p.anything, t.i))
GROUP BY uid, i
;;
-- PL151: kept social assistance cases approved in M, with a received date.
CREATE OR REPLACE TABLE case_counts AS
SELECT k.uid, month_of(c.approved) AS m, coalesce(sum(c.approved - c.received), 0)::BIGINT AS days, count(c.received) AS cases
FROM cases c
JOIN b k ON k.bid = c.bid AND NOT k.replaced
ANTI JOIN (SELECT own, from_day, to_day FROM cover WHERE part = 16) v ON v.own = c.bid AND c.dating BETWEEN v.from_day AND v.to_day
WHERE c.approved BETWEEN {first_day} AND {last_day} AND c.dating IS NOT NULL
GROUP BY ALL
;;
-- KVP events in M, read from the batch that is the truth for the person's KVP in M: 0 registered, 1 decided, 2 started,
-- 3 ended, 4 + k the situation with bit k after an end.
CREATE OR REPLACE TABLE kvp_events AS
SELECT k.uid, e.m, e.ev, count(*) AS n
FROM (SELECT bid, person, ev, month_of(d) AS m FROM (
          SELECT bid, person, 0 AS ev, registered AS d FROM kvp
          UNION ALL SELECT bid, person, 1, decision FROM kvp
          UNION ALL SELECT bid, person, 2, start_day FROM kvp
          UNION ALL SELECT bid, person, 3, end_day FROM kvp
          UNION ALL SELECT bid, person, 4 + s.k, end_day FROM kvp, range(16) s(k) WHERE ((situations >> s.k) & 1) = 1)
      WHERE d BETWEEN {first_day} AND {last_day}) e
JOIN win w ON w.part = 32 AND w.bid = e.bid AND w.person = e.person AND in_month(w.mask, e.m - {base})
JOIN b k ON k.bid = e.bid
GROUP BY ALL
;;
CREATE OR REPLACE TABLE um AS
SELECT u.uid, mo.m,
       in_month(c.p2, i) AS cp, in_month(c.p4, i) AS cl, in_month(c.p8, i) AS cf, in_month(c.p16, i) AS cc, in_month(c.p32, i) AS ck, in_month(c.p64, i) AS cj,
       in_month(c.p128, i) AS cfu, in_month(c.p2, i - 1) AS cpp,
       -- Not computed is not zero: the months a look-back rule reads must all be captured (payments M-11 … M, follow-ups M-2 … M).
       ((c.p2 >> (i - 11)) & 4095) = 4095 AS window12, ((c.p128 >> (i - 2)) & 7) = 7 AS followups3,
       coalesce(pc.bl151, 0) AS bl151, coalesce(pc.bl152, 0) AS bl152, coalesce(pc.bl153, 0) AS bl153, coalesce(pc.bl154, 0) AS bl154,
       coalesce(pc.bl166, 0) AS bl166, coalesce(pc.bl174, 0) AS bl174, coalesce(pc.b51, 0) AS b51, coalesce(pc.b104, 0) AS b104,
       coalesce(pc.b151, 0) AS b151, coalesce(pc.b10, 0) AS b10, coalesce(pc.b10den, 0) AS b10den, coalesce(pc.inflow, 0) AS inflow,
       coalesce(pc.outflow, 0) AS outflow, coalesce(cs.days, 0) AS days, coalesce(cs.cases, 0) AS cases,
       coalesce(ke.registered, 0) AS registered, coalesce(ke.decided, 0) AS decided, coalesce(ke.started, 0) AS started,
       coalesce(ke.ended, 0) AS ended,
       in_month(c.p256, i) AS ccond, in_month(c.p512, i) AS cex, in_month(c.p1024, i) AS csanc,
       -- A sanctions batch that knows them only by year (domain 2048, KOSTRA) gives the year's count on December alone.
       in_month(c.yearly, i) AS yearly,
       coalesce(pc.v101, 0) AS v101, coalesce(pc.v101den, 0) AS v101den,
       coalesce(pc.v102, 0) AS v102, coalesce(pc.v103, 0) AS v103, coalesce(pc.v104, 0) AS v104,
       coalesce(pc.linked_js, 0) AS linked_js, coalesce(pc.linked_fu, 0) AS linked_fu, coalesce(pc.bl152c, 0) AS bl152c,
       pop.adults, pop.young
FROM units u
CROSS JOIN (SELECT m, m - {base} AS i FROM range({first}, {last} + 1) t(m)) mo
-- Population at 1 January of M's year, else the latest earlier year.
LEFT JOIN (SELECT u2.uid, y.year, arg_max(p.adults, p.year) AS adults, arg_max(p.young, p.year) AS young
           FROM units u2
           CROSS JOIN (SELECT DISTINCT m // 12 AS year FROM range({first}, {last} + 1) t(m)) y
           JOIN population p ON p.code = u2.code AND p.year <= y.year
           GROUP BY u2.uid, y.year) pop ON pop.uid = u.uid AND pop.year = mo.m // 12
LEFT JOIN (SELECT uid, coalesce(bit_or(mask) FILTER (WHERE part = 2), 0) AS p2, coalesce(bit_or(mask) FILTER (WHERE part = 4), 0) AS p4,
                  coalesce(bit_or(mask) FILTER (WHERE part = 8), 0) AS p8, coalesce(bit_or(mask) FILTER (WHERE part = 16), 0) AS p16,
                  coalesce(bit_or(mask) FILTER (WHERE part = 32), 0) AS p32, coalesce(bit_or(mask) FILTER (WHERE part = 64), 0) AS p64,
                  coalesce(bit_or(mask) FILTER (WHERE part = 128), 0) AS p128, coalesce(bit_or(mask) FILTER (WHERE part = 256), 0) AS p256,
                  coalesce(bit_or(mask) FILTER (WHERE part = 512), 0) AS p512, coalesce(bit_or(mask) FILTER (WHERE part = 1024), 0) AS p1024,
                  coalesce(bit_or(mask) FILTER (WHERE part = 1024 AND (domains & 2048) <> 0), 0) AS yearly
           FROM auth GROUP BY uid) c ON c.uid = u.uid
LEFT JOIN person_counts pc ON pc.uid = u.uid AND pc.m = mo.m
LEFT JOIN case_counts cs ON cs.uid = u.uid AND cs.m = mo.m
LEFT JOIN (SELECT uid, m, sum(n) FILTER (WHERE ev = 0) AS registered, sum(n) FILTER (WHERE ev = 1) AS decided,
                  sum(n) FILTER (WHERE ev = 2) AS started, sum(n) FILTER (WHERE ev = 3) AS ended
           FROM kvp_events GROUP BY uid, m) ke ON ke.uid = u.uid AND ke.m = mo.m
;;
-- One value per unit, month and indicator: a part that was not captured is NULL, never 0.
CREATE OR REPLACE TABLE unit_values AS
SELECT uid, m, ind, num, den FROM (
    SELECT uid, m, 'BL151' AS ind, CASE WHEN cp THEN bl151 END AS num, 1 AS den FROM um
    UNION ALL SELECT uid, m, 'BL152', CASE WHEN cp AND cl AND window12 THEN bl152 END, 1 FROM um
    UNION ALL SELECT uid, m, 'BL153', CASE WHEN cp THEN bl153 END, 1 FROM um
    UNION ALL SELECT uid, m, 'BL154', CASE WHEN cp AND cl AND window12 THEN bl154 END, 1 FROM um
    UNION ALL SELECT uid, m, 'BL166', CASE WHEN cp AND window12 THEN bl166 END, 1 FROM um
    UNION ALL SELECT uid, m, 'BL174', CASE WHEN cp AND cl AND cf AND window12 THEN bl174 END, 1 FROM um
    UNION ALL SELECT uid, m, 'PL151', CASE WHEN cc THEN days END, CASE WHEN cc THEN cases END FROM um
    UNION ALL SELECT uid, m, 'B51', CASE WHEN ck THEN b51 END, 1 FROM um
    UNION ALL SELECT uid, m, 'B.101', CASE WHEN cp THEN bl151 END, adults FROM um
    UNION ALL SELECT uid, m, 'B.102', CASE WHEN cp AND cl AND window12 THEN bl152 END, adults FROM um
    -- Version 2 from its first month on; before it the version does not apply (neither numerator nor denominator).
    UNION ALL SELECT uid, m, 'B.102.v2', CASE WHEN cp AND cl AND window12 AND m >= {b102v2_from} THEN bl152c END,
              CASE WHEN m >= {b102v2_from} THEN adults END FROM um
    UNION ALL SELECT uid, m, 'B.103', CASE WHEN cp THEN bl153 END, young FROM um
    UNION ALL SELECT uid, m, 'B.104', CASE WHEN cp AND cf THEN b104 END, CASE WHEN cp THEN bl151 END FROM um
    UNION ALL SELECT uid, m, 'B.151', CASE WHEN ck THEN b151 END, 1 FROM um
    UNION ALL SELECT uid, m, 'B10', CASE WHEN cj AND followups3 THEN b10 END, CASE WHEN cj THEN b10den END FROM um
    UNION ALL SELECT uid, m, 'FLYT.TILGANG', CASE WHEN cp AND cpp THEN inflow END, 1 FROM um
    UNION ALL SELECT uid, m, 'FLYT.AVGANG', CASE WHEN cp AND cpp THEN outflow END, 1 FROM um
    UNION ALL SELECT uid, m, 'KVP.SOKNADER', CASE WHEN ck THEN registered END, 1 FROM um
    UNION ALL SELECT uid, m, 'KVP.VEDTAK', CASE WHEN ck THEN decided END, 1 FROM um
    UNION ALL SELECT uid, m, 'KVP.STARTET', CASE WHEN ck THEN started END, 1 FROM um
    UNION ALL SELECT uid, m, 'KVP.AVSLUTTET', CASE WHEN ck THEN ended END, 1 FROM um
    UNION ALL SELECT uid, m, 'V.101', CASE WHEN cp AND ccond THEN v101 END, CASE WHEN cp THEN v101den END FROM um
    UNION ALL SELECT uid, m, 'V.102', CASE WHEN cp AND ccond THEN v102 END, CASE WHEN cp THEN bl151 END FROM um
    UNION ALL SELECT uid, m, 'V.103', CASE WHEN cp AND ccond AND cex THEN v103 END, 1 FROM um
    UNION ALL SELECT uid, m, 'V.104', CASE WHEN csanc AND (NOT yearly OR m % 12 = 11) THEN v104 END, 1 FROM um
    -- Linked Arena indicators: recipients who are B10's job seekers, and of them the followed up; both shares of BL151.
    UNION ALL SELECT uid, m, 'KOBLET.ARBEIDSSOKER', CASE WHEN cp AND cj THEN linked_js END, CASE WHEN cp THEN bl151 END FROM um
    UNION ALL SELECT uid, m, 'KOBLET.OPPFOLGING', CASE WHEN cp AND cj AND followups3 THEN linked_fu END, CASE WHEN cp THEN bl151 END FROM um
    UNION ALL SELECT um.uid, um.m, s.code, CASE WHEN um.ck THEN coalesce(e.n, 0) END, CASE WHEN um.ck THEN um.ended END
              FROM um CROSS JOIN situations s
              LEFT JOIN kvp_events e ON e.uid = um.uid AND e.m = um.m AND e.ev = 4 + s.k)
;;
-- Integer keys for the sums: every unit and aggregate code, and every indicator.
CREATE OR REPLACE TABLE codes AS
SELECT uid AS cid, code FROM units
UNION ALL
SELECT 1000000 + row_number() OVER (ORDER BY code), code
FROM (SELECT agg AS code FROM members UNION SELECT '0301') WHERE code NOT IN (SELECT code FROM units)
;;
CREATE OR REPLACE TABLE ind AS SELECT row_number() OVER (ORDER BY code)::INTEGER AS iid, code, kind = 'count' AS counted FROM indicators
;;
CREATE OR REPLACE TABLE vals AS
SELECT v.uid AS cid, v.m::INTEGER AS m, i.iid, v.num::BIGINT AS num, CASE WHEN i.counted THEN 1 ELSE v.den END::BIGINT AS den,
       CASE WHEN v.num IS NULL THEN 0 ELSE 1 END AS included
FROM unit_values v JOIN ind i ON i.code = v.ind
;;
-- Oslo (0301) is its own data when it has any, else the sum of its districts; offices, counties and the country sum their
-- members, reading Oslo as one municipality.
CREATE OR REPLACE TABLE groups AS
SELECT a.cid AS agg, u.uid AS unit
FROM districts d JOIN units u ON u.code = d.code JOIN codes a ON a.code = '0301'
WHERE NOT EXISTS (SELECT 1 FROM units WHERE code = '0301')
;;
CREATE OR REPLACE TABLE memb AS
SELECT a.cid AS agg, u.cid AS unit FROM members m JOIN codes a ON a.code = m.agg JOIN codes u ON u.code = m.unit
;;
-- Ratio of sums over the member units whose numerator is captured; never an average of ratios.
CREATE OR REPLACE MACRO summed_den(counted, captured, den_missing, den_sum) AS
    CASE WHEN counted THEN 1 WHEN captured = 0 OR den_missing THEN NULL ELSE den_sum END
;;
INSERT INTO vals
SELECT g.agg, v.m, v.iid, CASE WHEN count(v.num) = 0 THEN NULL ELSE sum(v.num)::BIGINT END,
       summed_den(any_value(i.counted), count(v.num), bool_or(v.num IS NOT NULL AND v.den IS NULL), sum(v.den) FILTER (WHERE v.num IS NOT NULL)::BIGINT),
       count(v.num)
FROM groups g JOIN vals v ON v.cid = g.unit JOIN ind i ON i.iid = v.iid
GROUP BY g.agg, v.m, v.iid
;;
-- The results keep their integer keys; whoever reads them joins codes and ind for the names.
CREATE OR REPLACE TABLE results AS
SELECT * FROM vals
UNION ALL
SELECT g.agg, v.m, v.iid, CASE WHEN count(v.num) = 0 THEN NULL ELSE sum(v.num)::BIGINT END,
       summed_den(any_value(i.counted), count(v.num), bool_or(v.num IS NOT NULL AND v.den IS NULL),
                  sum(v.den) FILTER (WHERE v.num IS NOT NULL)::BIGINT),
       count(v.num)
FROM memb g JOIN vals v ON v.cid = g.unit JOIN ind i ON i.iid = v.iid
GROUP BY g.agg, v.m, v.iid
