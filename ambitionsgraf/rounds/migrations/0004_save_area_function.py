"""Saving an area page in one round trip on PostgreSQL: the function ambitionsgraf_save_area.

Saving an area page is the product's most frequent write. Through the ORM it is six statements
(begin, lock the round, read the saved answers, upsert, update the respondent, commit), and on
PostgreSQL their round trips cost more CPU than the work itself; this function does the same in
one call. It mirrors ``answering._merged`` and the choices ``answering._save_area_in_python``
makes from it (test_save_area_postgresql.py runs both on the same cases and compares the rows).
Python passes each question's posted level, don't know and comment already worked out from the
form (``answering._posted_values``), so the function only applies the changed flags.

Each statement of a PL/pgSQL function reads from a snapshot of its own, in READ COMMITTED. So
the round is locked by a statement of its own, and the saved answers are read by the next one:
if another save of the same respondent (a second tab) held the lock, what it committed is seen.

Returns the number of answers written or removed; -1 when the round is closed or past its
closing date (nothing is written), -2 when there is no such round.

On SQLite, and any other database, nothing is done here: ``answering`` saves through the ORM.
"""

from django.db import migrations

SIGNATURE = (
    "ambitionsgraf_save_area(bigint, bigint, integer, date, timestamptz,"
    " bigint[], boolean[], smallint[], boolean[], boolean[], text[])"
)

CREATE = """
CREATE OR REPLACE FUNCTION ambitionsgraf_save_area(
    p_round bigint,
    p_respondent bigint,
    p_position integer,
    p_today date,
    p_now timestamptz,
    p_questions bigint[],
    p_choice_changed boolean[],
    p_levels smallint[],
    p_dont_know boolean[],
    p_comment_changed boolean[],
    p_comments text[]
) RETURNS integer
LANGUAGE plpgsql
VOLATILE
AS $function$
DECLARE
    v_status text;
    v_closes_on date;
    v_changed integer;
BEGIN
    -- The round, locked until the transaction ends. Closing a round updates this row, so a
    -- close waits for this save, and a save after a close sees it. 'open' is Round.Status.OPEN.
    SELECT r.status, r.closes_on INTO v_status, v_closes_on
      FROM rounds_round r
     WHERE r.id = p_round
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN -2;
    END IF;
    IF v_status <> 'open' OR (v_closes_on IS NOT NULL AND v_closes_on < p_today) THEN
        RETURN -1;
    END IF;

    -- A new statement, so a new snapshot: the saved answers as they are now that we hold the
    -- lock. The merge is worked out once, then an answer left empty is removed and one that
    -- differs from what is saved is upserted (the two never touch the same question).
    WITH posted AS (
        SELECT *
          FROM unnest(p_questions, p_choice_changed, p_levels, p_dont_know,
                      p_comment_changed, p_comments)
            AS p(question_id, choice_changed, level, dont_know, comment_changed, comment)
    ), merged AS (
        SELECT p.question_id,
               s.id IS NOT NULL AS existed,
               s.level AS saved_level,
               s.dont_know AS saved_dont_know,
               s.comment AS saved_comment,
               CASE WHEN p.choice_changed THEN p.level ELSE s.level END AS level,
               CASE WHEN p.choice_changed THEN p.dont_know
                    ELSE coalesce(s.dont_know, false) END AS dont_know,
               CASE WHEN p.comment_changed THEN p.comment
                    ELSE coalesce(s.comment, '') END AS comment
          FROM posted p
          LEFT JOIN rounds_answer s
            ON s.respondent_id = p_respondent AND s.question_id = p.question_id
    ), merged_empty AS (
        SELECT m.*, (m.level IS NULL AND NOT m.dont_know AND m.comment = '') AS empty
          FROM merged m
    ), removed AS (
        DELETE FROM rounds_answer a
         USING merged_empty m
         WHERE m.empty AND m.existed
           AND a.respondent_id = p_respondent AND a.question_id = m.question_id
        RETURNING 1
    ), written AS (
        INSERT INTO rounds_answer AS a
               (respondent_id, question_id, level, dont_know, comment, updated_at)
        SELECT p_respondent, m.question_id, m.level, m.dont_know, m.comment, p_now
          FROM merged_empty m
         WHERE NOT m.empty
           AND (NOT m.existed
                OR (m.level, m.dont_know, m.comment)
                   IS DISTINCT FROM (m.saved_level, m.saved_dont_know, m.saved_comment))
         ORDER BY m.question_id
        ON CONFLICT (respondent_id, question_id) DO UPDATE
           SET level = excluded.level,
               dont_know = excluded.dont_know,
               comment = excluded.comment,
               updated_at = excluded.updated_at
        RETURNING 1
    )
    SELECT (SELECT count(*) FROM removed) + (SELECT count(*) FROM written) INTO v_changed;

    -- The furthest area reached, and when the respondent started.
    UPDATE rounds_respondent
       SET last_area = greatest(last_area, p_position),
           started_at = coalesce(started_at, p_now)
     WHERE id = p_respondent;

    RETURN v_changed;
END;
$function$
"""

DROP = f"DROP FUNCTION IF EXISTS {SIGNATURE}"


def create_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_function(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [
        ("rounds", "0003_respondent_erasure_and_revocation"),
    ]

    operations = [
        migrations.RunPython(create_function, drop_function),
    ]
