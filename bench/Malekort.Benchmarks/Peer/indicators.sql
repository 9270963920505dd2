-- Målekort's indicators (docs/indicators.md, readings in docs/decisions.md) written as SQL over the engine's own rows
-- (BatchRows, appended as they are stored), for DuckDB. The engine's results must equal these row by row.
-- Day numbers are DateOnly.DayNumber (days since 0001-01-01); NULL is an open end or a missing date. A month is
-- year * 12 + month - 1 (Month.Index). {base} is 12 months before {first}, so every long-term window is in range;
-- {first_day} and {last_day} are the first day of {base} and the last day of {last}.
-- Statements are separated by a line holding only ';;' so each can be timed on its own.

CREATE OR REPLACE MACRO day_date(d) AS DATE '0001-01-01' + d
;;
CREATE OR REPLACE MACRO month_of(d) AS year(DATE '0001-01-01' + d) * 12 + month(DATE '0001-01-01' + d) - 1
;;
-- The first month whose last day finds someone born on day b aged n; 29 February completes a year on 1 March.
CREATE OR REPLACE MACRO first_month_aged(b, n) AS
    month_of(b) + 12 * n
    + CASE WHEN month(day_date(b)) = 2 AND day(day_date(b)) = 29
                AND NOT ((year(day_date(b)) + n) % 4 = 0 AND ((year(day_date(b)) + n) % 100 <> 0 OR (year(day_date(b)) + n) % 400 = 0))
           THEN 1 ELSE 0 END
;;
-- Batches ranked within their unit by extract time (ties: stored later wins); a keyed batch is replaced by a newer
-- batch with the same key in any unit.
CREATE OR REPLACE TABLE b AS
SELECT x.*, month_of(from_day) AS from_m, month_of(to_day) AS to_m,
       row_number() OVER (PARTITION BY uid ORDER BY extracted, bid) AS rnk,
       x.skey IS NOT NULL AND EXISTS (
           SELECT 1 FROM batches o
           WHERE o.skey = x.skey AND (o.extracted > x.extracted OR (o.extracted = x.extracted AND o.bid > x.bid))) AS replaced
FROM batches x
;;
-- The batch that is the truth for a part in a month: the newest full-truth batch with the part overlapping the month,
-- else the newest keyed one. Parts are CaptureDomains bits.
CREATE OR REPLACE TABLE auth AS
SELECT uid, part, m, arg_max(bid, CASE WHEN skey IS NULL THEN 1000000 ELSE 0 END + rnk) AS bid
FROM (
    SELECT b.uid, b.bid, b.skey, b.rnk, p.part, unnest(range(greatest(b.from_m, {base}), least(b.to_m, {last}) + 1)) AS m
    FROM b, (VALUES (2), (4), (8), (16), (32), (64), (128), (256), (512), (1024)) p(part)
    WHERE (b.domains & p.part) <> 0 AND NOT b.replaced)
GROUP BY uid, part, m
;;
-- For dated events: the days of newer full-truth batches with the part, which supersede an older batch's events.
CREATE OR REPLACE TABLE cover AS
SELECT x.bid AS own, p.part, y.from_day, y.to_day
FROM b x
JOIN b y ON y.uid = x.uid AND y.rnk > x.rnk AND y.skey IS NULL
JOIN (VALUES (2), (16), (128), (256), (512), (1024)) p(part) ON (y.domains & p.part) <> 0
;;
-- Recipients: a kept paid payment puts its person in every month its days overlap (repeats are merged in facts).
CREATE OR REPLACE TABLE rec AS
SELECT uid, person, m FROM (
    SELECT b.uid, p.person,
           unnest(range(greatest(month_of(p.from_day), {base}), least(month_of(p.to_day), {last}) + 1)) AS m
    FROM payments p JOIN b ON b.bid = p.bid
    WHERE p.dating IS NOT NULL AND p.from_day IS NOT NULL AND p.to_day >= {first_day} AND p.from_day <= {last_day}
      AND NOT b.replaced
      AND NOT EXISTS (SELECT 1 FROM cover c WHERE c.own = p.bid AND c.part = 2 AND p.dating BETWEEN c.from_day AND c.to_day))
;;
-- Which batches list each person (a batch says nothing about persons it does not list), with the unit's batch facts.
CREATE OR REPLACE TABLE lst AS
SELECT l.person, b.bid, b.uid, b.from_m, b.to_m, b.rnk, b.skey IS NULL AS full, b.domains
FROM listed l JOIN b ON b.bid = l.bid
WHERE NOT b.replaced
;;
-- History rows (livelihood 5, children, KVP, job seekers) in every month they could count in, by the batch that says so.
-- Main livelihood 5 in M: the latest row with valid_from <= M.end (a stored valid_to is not read).
CREATE OR REPLACE TABLE l5c AS
SELECT bid, person,
       unnest(range(greatest(month_of(valid_from), {base}), least(coalesce(month_of(next_from) - 1, {last}), {last}) + 1)) AS m
FROM (SELECT *, lead(valid_from) OVER (PARTITION BY bid, person ORDER BY valid_from, ord) AS next_from FROM livelihood)
WHERE source = 5
;;
-- Provider and provider duty in household: a child born by M.end, aged <= 17 on M.end, the row valid in M.
CREATE OR REPLACE TABLE famc AS
SELECT bid, person, provider, duty,
       unnest(range(greatest(month_of(birth), coalesce(month_of(valid_from), {base}), {base}),
                    least(first_month_aged(birth, 18) - 1, coalesce(month_of(valid_to), {last}), {last}) + 1)) AS m
FROM children WHERE provider OR duty
;;
-- KVP: during M (B51: end >= M.start) and at M's end (B.151: end > M.end).
CREATE OR REPLACE TABLE kvpc AS
SELECT bid, person, end_m IS NULL OR m < end_m AS at_end, m FROM (
    SELECT bid, person, end_m, unnest(range(greatest(start_m, {base}), least(coalesce(end_m, {last}), {last}) + 1)) AS m
    FROM (SELECT bid, person, month_of(start_day) AS start_m, month_of(end_day) AS end_m FROM kvp))
;;
-- KVP events and the situations after an end, by the month they fall in.
CREATE OR REPLACE TABLE kvpe AS
SELECT bid, person, ev, month_of(d) AS m FROM (
    SELECT bid, person, 'registered' AS ev, registered AS d FROM kvp
    UNION ALL SELECT bid, person, 'decided', decision FROM kvp
    UNION ALL SELECT bid, person, 'started', start_day FROM kvp
    UNION ALL SELECT bid, person, 'ended', end_day FROM kvp
    UNION ALL SELECT bid, person, 'situation' || k, end_day
              FROM (SELECT bid, person, end_day, situations, unnest(range(16)) AS k FROM kvp WHERE situations <> 0)
              WHERE (situations >> k) & 1 = 1)
WHERE d BETWEEN {first_day} AND {last_day}
;;
-- Ordinary job seekers registered on M.end.
CREATE OR REPLACE TABLE jsc AS
SELECT bid, person, unnest(range(greatest(from_m, {base}), least(coalesce(to_m, {last}), {last}) + 1)) AS m
FROM (SELECT bid, person, month_of(from_day) AS from_m,
             CASE WHEN to_day IS NULL THEN NULL
                  WHEN day_date(to_day) = last_day(day_date(to_day)) THEN month_of(to_day)
                  ELSE month_of(to_day) - 1 END AS to_m
      FROM jobseekers)
;;
-- The batch that is the truth for a person's history part in a month the unit has the part captured for: of the batches
-- that list the person and have the part, one overlapping the month before one that ended earlier (a batch starting after
-- the month has said nothing yet), full-truth before keyed, newer before older.
CREATE OR REPLACE TABLE hbest AS
SELECT c.person, c.part, c.m,
       arg_max(o.bid, (CASE WHEN o.to_m >= c.m THEN 2 ELSE 0 END + CASE WHEN o.full THEN 1 ELSE 0 END) * 1000000 + o.rnk) AS bid
FROM (SELECT DISTINCT person, part, m FROM (
          SELECT person, 4 AS part, m FROM l5c UNION ALL SELECT person, 8, m FROM famc UNION ALL SELECT person, 32, m FROM kvpc
          UNION ALL SELECT person, 32, m FROM kvpe UNION ALL SELECT person, 64, m FROM jsc)) c
JOIN lst o ON o.person = c.person AND (o.domains & c.part) <> 0 AND o.from_m <= c.m
WHERE EXISTS (SELECT 1 FROM auth a WHERE a.uid = o.uid AND a.part = c.part AND a.m = c.m)
GROUP BY ALL
;;
CREATE OR REPLACE TABLE l5 AS
SELECT b.uid, x.person, x.m FROM l5c x JOIN hbest h ON h.part = 4 AND h.person = x.person AND h.m = x.m AND h.bid = x.bid
JOIN b ON b.bid = x.bid
;;
CREATE OR REPLACE TABLE fam AS
SELECT b.uid, x.person, x.m, x.provider, x.duty FROM famc x
JOIN hbest h ON h.part = 8 AND h.person = x.person AND h.m = x.m AND h.bid = x.bid JOIN b ON b.bid = x.bid
;;
CREATE OR REPLACE TABLE kvpm AS
SELECT b.uid, x.person, x.m, x.at_end FROM kvpc x
JOIN hbest h ON h.part = 32 AND h.person = x.person AND h.m = x.m AND h.bid = x.bid JOIN b ON b.bid = x.bid
;;
CREATE OR REPLACE TABLE jsm AS
SELECT b.uid, x.person, x.m FROM jsc x
JOIN hbest h ON h.part = 64 AND h.person = x.person AND h.m = x.m AND h.bid = x.bid JOIN b ON b.bid = x.bid
;;
-- Followed up in M-2 ... M: a kept follow-up marks its month and the two after it (repeats are merged in facts).
CREATE OR REPLACE TABLE fu AS
SELECT b.uid, f.person, month_of(f.day) + s.k AS m
FROM followups f JOIN b ON b.bid = f.bid, (VALUES (0), (1), (2)) s(k)
WHERE f.day BETWEEN {first_day} AND {last_day} AND NOT b.replaced AND month_of(f.day) + s.k <= {last}
  AND NOT EXISTS (SELECT 1 FROM cover c WHERE c.own = f.bid AND c.part = 128 AND f.day BETWEEN c.from_day AND c.to_day)
;;
-- Conditions, exemptions and sanctions are events: kept unless a newer full-truth batch with their part covers the day of
-- the decision (conditions 256, exemptions 512) or the sanction (1024). A condition is valid in every month its period
-- overlaps; activity codes are the spec's Choice 16, 17, 04, 06, 07, 08, 19, 20, bits 0–5, 10 and 11 of KOSTRA's order
-- 16 17 04 06 07 08 10 18 14 15 19 20 (3135). An exemption holds from the month it is decided on. A sanction known only
-- by year is dated 31 December of it.
CREATE OR REPLACE TABLE condm AS
SELECT b.uid, c.person, (c.codes & 3135) <> 0 AS activity,
       unnest(range(greatest(month_of(c.from_day), {base}), least(month_of(c.to_day), {last}) + 1)) AS m
FROM conditions c JOIN b ON b.bid = c.bid
WHERE NOT b.replaced AND NOT EXISTS (SELECT 1 FROM cover v WHERE v.own = c.bid AND v.part = 256 AND c.decided BETWEEN v.from_day AND v.to_day)
;;
CREATE OR REPLACE TABLE exm AS
SELECT b.uid, e.person, unnest(range(greatest(month_of(e.decided), {base}), {last} + 1)) AS m
FROM exemptions e JOIN b ON b.bid = e.bid
WHERE NOT b.replaced AND NOT EXISTS (SELECT 1 FROM cover v WHERE v.own = e.bid AND v.part = 512 AND e.decided BETWEEN v.from_day AND v.to_day)
;;
CREATE OR REPLACE TABLE sanm AS
SELECT uid, person, month_of(d) AS m FROM (
    SELECT b.uid, s.bid, s.person, coalesce(s.day, (make_date(s.year, 12, 31) - DATE '0001-01-01')::INTEGER) AS d
    FROM sanctions s JOIN b ON b.bid = s.bid WHERE NOT b.replaced) x
WHERE d BETWEEN {first_day} AND {last_day}
  AND NOT EXISTS (SELECT 1 FROM cover v WHERE v.own = x.bid AND v.part = 1024 AND x.d BETWEEN v.from_day AND v.to_day)
;;
-- Birth dates from the newest batch that gives one.
CREATE OR REPLACE TABLE birth AS
SELECT x.person, arg_max(x.birth, b.rnk) AS birth FROM births x JOIN b ON b.bid = x.bid GROUP BY x.person
;;
-- A person's facts in a month as bits: 1 recipient, 2 recipient the month before, 4 livelihood 5, 8 provider, 16 provider
-- duty in household, 32 KVP during, 64 KVP at the end, 128 registered job seeker, 256 followed up in M-2 ... M, 512 an
-- activity condition, 1024 any condition, 2048 exempted from the activity duty, 4096 a sanction.
CREATE OR REPLACE TABLE facts AS
SELECT uid, person, m, bit_or(f) AS f
FROM (
    SELECT uid, person, m, 1 AS f FROM rec
    UNION ALL SELECT uid, person, m + 1, 2 FROM rec WHERE m < {last}
    UNION ALL SELECT uid, person, m, 4 FROM l5
    UNION ALL SELECT uid, person, m, CASE WHEN provider THEN 8 ELSE 0 END | CASE WHEN duty THEN 16 ELSE 0 END FROM fam
    UNION ALL SELECT uid, person, m, 32 | CASE WHEN at_end THEN 64 ELSE 0 END FROM kvpm
    UNION ALL SELECT uid, person, m, 128 FROM jsm
    UNION ALL SELECT uid, person, m, 256 FROM fu
    UNION ALL SELECT uid, person, m, 1024 | CASE WHEN activity THEN 512 ELSE 0 END FROM condm
    UNION ALL SELECT uid, person, m, 2048 FROM exm
    UNION ALL SELECT uid, person, m, 4096 FROM sanm)
GROUP BY uid, person, m
;;
-- Long-term: recipient in at least 6 of the months M-11 ... M. Young: aged <= 24 on M.end; duty: aged 18–29 on M.end.
CREATE OR REPLACE TABLE person_counts AS
SELECT uid, m,
       count_if(r) AS bl151, count_if(lt AND l5) AS bl152, count_if(r AND young) AS bl153, count_if(lt AND l5 AND young) AS bl154,
       count_if(r AND lt) AS bl166, count_if(lt AND l5 AND prov) AS bl174, count_if(kd) AS b51, count_if(r AND duty) AS b104,
       count_if(ke) AS b151, count_if(js AND fu) AS b10, count_if(js) AS b10den, count_if(r AND NOT rp) AS inflow,
       count_if(rp AND NOT r) AS outflow, count_if(r AND duty_age AND act) AS v101, count_if(r AND duty_age) AS v101den,
       count_if(r AND anyc) AS v102, count_if(r AND duty_age AND ex AND NOT act) AS v103, count_if(sanc) AS v104,
       count_if(r AND js) AS linked_js, count_if(r AND js AND fu) AS linked_fu, count_if(ltc AND l5) AS bl152c
FROM (
    -- B.102 version 2: long-term by six consecutive months with assistance that end within M-11 … M (so end in M-6 … M).
    SELECT *, bool_or(run_end) OVER (PARTITION BY person ORDER BY m RANGE BETWEEN 6 PRECEDING AND CURRENT ROW) AS ltc
    FROM (
    SELECT f.uid, f.m, f.person,
           sum(f.f & 1) OVER (PARTITION BY f.person ORDER BY f.m RANGE BETWEEN 5 PRECEDING AND CURRENT ROW) = 6 AS run_end,
           (f.f & 1) <> 0 AS r, (f.f & 2) <> 0 AS rp, (f.f & 4) <> 0 AS l5, (f.f & 8) <> 0 AS prov, (f.f & 16) <> 0 AS duty,
           (f.f & 32) <> 0 AS kd, (f.f & 64) <> 0 AS ke, (f.f & 128) <> 0 AS js, (f.f & 256) <> 0 AS fu,
           sum(f.f & 1) OVER (PARTITION BY f.person ORDER BY f.m RANGE BETWEEN 11 PRECEDING AND CURRENT ROW) >= 6 AS lt,
           coalesce(f.m < first_month_aged(bt.birth, 25), false) AS young,
           coalesce(f.m >= first_month_aged(bt.birth, 18) AND f.m < first_month_aged(bt.birth, 30), false) AS duty_age,
           (f.f & 512) <> 0 AS act, (f.f & 1024) <> 0 AS anyc, (f.f & 2048) <> 0 AS ex, (f.f & 4096) <> 0 AS sanc
    FROM facts f LEFT JOIN birth bt ON bt.person = f.person))
WHERE m >= {first}
GROUP BY uid, m
;;
-- PL151: kept social assistance cases approved in M, with a received date.
CREATE OR REPLACE TABLE case_counts AS
SELECT b.uid, month_of(c.approved) AS m,
       coalesce(sum(c.approved - c.received) FILTER (WHERE c.received IS NOT NULL), 0) AS days,
       count(*) FILTER (WHERE c.received IS NOT NULL) AS cases
FROM cases c JOIN b ON b.bid = c.bid
WHERE c.approved BETWEEN {first_day} AND {last_day} AND c.dating IS NOT NULL AND NOT b.replaced
  AND NOT EXISTS (SELECT 1 FROM cover v WHERE v.own = c.bid AND v.part = 16 AND c.dating BETWEEN v.from_day AND v.to_day)
GROUP BY ALL
;;
-- KVP events in M, read from the batch that is the truth for the person's KVP in M.
CREATE OR REPLACE TABLE kvp_events AS
SELECT b.uid, e.m, e.ev, count(*) AS n
FROM kvpe e JOIN hbest h ON h.part = 32 AND h.person = e.person AND h.m = e.m AND h.bid = e.bid JOIN b ON b.bid = e.bid
GROUP BY ALL
;;
CREATE OR REPLACE TABLE um AS
SELECT u.uid, mo.m,
       coalesce(c.cp, false) AS cp, coalesce(c.cl, false) AS cl, coalesce(c.cf, false) AS cf, coalesce(c.cc, false) AS cc,
       coalesce(c.ck, false) AS ck, coalesce(c.cj, false) AS cj, coalesce(c.cfu, false) AS cfu, coalesce(cprev.cp, false) AS cpp,
       coalesce(w.payments, 0) = 12 AS window12, coalesce(w.followups, 0) = 3 AS followups3,
       coalesce(pc.bl151, 0) AS bl151, coalesce(pc.bl152, 0) AS bl152, coalesce(pc.bl153, 0) AS bl153, coalesce(pc.bl154, 0) AS bl154,
       coalesce(pc.bl166, 0) AS bl166, coalesce(pc.bl174, 0) AS bl174, coalesce(pc.b51, 0) AS b51, coalesce(pc.b104, 0) AS b104,
       coalesce(pc.b151, 0) AS b151, coalesce(pc.b10, 0) AS b10, coalesce(pc.b10den, 0) AS b10den, coalesce(pc.inflow, 0) AS inflow,
       coalesce(pc.outflow, 0) AS outflow, coalesce(cs.days, 0) AS days, coalesce(cs.cases, 0) AS cases,
       coalesce(ke.registered, 0) AS registered, coalesce(ke.decided, 0) AS decided, coalesce(ke.started, 0) AS started,
       coalesce(ke.ended, 0) AS ended,
       coalesce(c.ccond, false) AS ccond, coalesce(c.cex, false) AS cex, coalesce(c.csanc, false) AS csanc,
       coalesce(sy.yearly, false) AS yearly, coalesce(pc.v101, 0) AS v101, coalesce(pc.v101den, 0) AS v101den,
       coalesce(pc.v102, 0) AS v102, coalesce(pc.v103, 0) AS v103, coalesce(pc.v104, 0) AS v104,
       coalesce(pc.linked_js, 0) AS linked_js, coalesce(pc.linked_fu, 0) AS linked_fu, coalesce(pc.bl152c, 0) AS bl152c,
       pop.adults, pop.young
FROM units u
CROSS JOIN range({first}, {last} + 1) mo(m)
-- Population at 1 January of M's year, else the latest earlier year.
LEFT JOIN (SELECT u2.uid, y.year, arg_max(p.adults, p.year) AS adults, arg_max(p.young, p.year) AS young
           FROM units u2
           CROSS JOIN (SELECT DISTINCT m // 12 AS year FROM range({first}, {last} + 1) t(m)) y
           JOIN population p ON p.code = u2.code AND p.year <= y.year
           GROUP BY u2.uid, y.year) pop ON pop.uid = u.uid AND pop.year = mo.m // 12
LEFT JOIN (SELECT uid, m, bool_or(part = 2) AS cp, bool_or(part = 4) AS cl, bool_or(part = 8) AS cf, bool_or(part = 16) AS cc,
                  bool_or(part = 32) AS ck, bool_or(part = 64) AS cj, bool_or(part = 128) AS cfu, bool_or(part = 256) AS ccond,
                  bool_or(part = 512) AS cex, bool_or(part = 1024) AS csanc
           FROM auth GROUP BY uid, m) c ON c.uid = u.uid AND c.m = mo.m
-- A sanctions batch that knows them only by year (domain 2048, KOSTRA) gives the year's count on December alone.
LEFT JOIN (SELECT a.uid, a.m, (x.domains & 2048) <> 0 AS yearly FROM auth a JOIN b x ON x.bid = a.bid WHERE a.part = 1024) sy
       ON sy.uid = u.uid AND sy.m = mo.m
LEFT JOIN (SELECT uid, m, true AS cp FROM auth WHERE part = 2) cprev ON cprev.uid = u.uid AND cprev.m = mo.m - 1
-- Not computed is not zero: the months a look-back rule reads must all be captured (payments M-11 … M, follow-ups M-2 … M).
LEFT JOIN (SELECT mo2.m, a.uid, count(*) FILTER (WHERE a.part = 2) AS payments,
                  count(*) FILTER (WHERE a.part = 128 AND a.m >= mo2.m - 2) AS followups
           FROM range({first}, {last} + 1) mo2(m) JOIN auth a ON a.m BETWEEN mo2.m - 11 AND mo2.m
           GROUP BY ALL) w ON w.uid = u.uid AND w.m = mo.m
LEFT JOIN person_counts pc ON pc.uid = u.uid AND pc.m = mo.m
LEFT JOIN case_counts cs ON cs.uid = u.uid AND cs.m = mo.m
LEFT JOIN (SELECT uid, m, sum(n) FILTER (WHERE ev = 'registered') AS registered, sum(n) FILTER (WHERE ev = 'decided') AS decided,
                  sum(n) FILTER (WHERE ev = 'started') AS started, sum(n) FILTER (WHERE ev = 'ended') AS ended
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
              LEFT JOIN kvp_events e ON e.uid = um.uid AND e.m = um.m AND e.ev = 'situation' || s.k)
;;
CREATE OR REPLACE TABLE vals AS
SELECT u.code AS unit, v.m, v.ind, v.num, CASE WHEN i.kind = 'count' THEN 1 ELSE v.den END AS den,
       CASE WHEN v.num IS NULL THEN 0 ELSE 1 END AS included, 1 AS total
FROM unit_values v JOIN units u ON u.uid = v.uid JOIN indicators i ON i.code = v.ind
;;
-- Oslo (0301) is its own data when it has any, else the sum of its districts.
CREATE OR REPLACE TABLE groups AS
SELECT '0301' AS agg, d.code AS unit FROM districts d
WHERE NOT EXISTS (SELECT 1 FROM units WHERE code = '0301') AND EXISTS (SELECT 1 FROM units u JOIN districts d2 ON d2.code = u.code)
;;
-- Ratio of sums over the member units whose numerator is captured; never an average of ratios. Oslo first, since
-- counties and the country read it as one municipality.
CREATE OR REPLACE MACRO summed_den(kind, captured, den_missing, den_sum) AS
    CASE WHEN kind = 'count' THEN 1 WHEN captured = 0 OR den_missing THEN NULL ELSE den_sum END
;;
INSERT INTO vals
SELECT g.agg, v.m, v.ind, CASE WHEN count(v.num) = 0 THEN NULL ELSE sum(v.num) END,
       summed_den(any_value(i.kind), count(v.num), bool_or(v.num IS NOT NULL AND v.den IS NULL), sum(v.den) FILTER (WHERE v.num IS NOT NULL)),
       count(v.num), any_value(t.total)
FROM groups g
JOIN (SELECT agg, count(*) AS total FROM groups GROUP BY agg) t ON t.agg = g.agg
JOIN vals v ON v.unit = g.unit
JOIN indicators i ON i.code = v.ind
GROUP BY g.agg, v.m, v.ind
;;
CREATE OR REPLACE TABLE results AS
SELECT * FROM vals
UNION ALL
SELECT g.agg, v.m, v.ind, CASE WHEN count(v.num) = 0 THEN NULL ELSE sum(v.num) END,
       summed_den(any_value(i.kind), count(v.num), bool_or(v.num IS NOT NULL AND v.den IS NULL), sum(v.den) FILTER (WHERE v.num IS NOT NULL)),
       count(v.num), any_value(t.total)
FROM members g
JOIN (SELECT agg, count(*) AS total FROM members GROUP BY agg) t ON t.agg = g.agg
JOIN vals v ON v.unit = g.unit
JOIN indicators i ON i.code = v.ind
GROUP BY g.agg, v.m, v.ind
