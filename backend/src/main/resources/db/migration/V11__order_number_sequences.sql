-- Order numbers come from one sequence per year instead of a counter row. Every checkout updated that row and held
-- its lock until commit, so checkouts queued behind each other's commits. A sequence hands out numbers without a
-- lock; a number taken by a checkout that then fails is skipped, as it already was (docs/adr/0010): numbers are
-- unique and increase within a year, with possible gaps.

CREATE FUNCTION next_order_number(for_year integer) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    sequence_name text := 'order_number_' || for_year;
BEGIN
    IF to_regclass(sequence_name) IS NULL THEN
        -- the first order of a year: whoever comes first creates the year's sequence, the others wait for its commit
        PERFORM pg_advisory_xact_lock(hashtext(sequence_name));
        EXECUTE format('CREATE SEQUENCE IF NOT EXISTS %I AS bigint MINVALUE 1', sequence_name);
    END IF;
    RETURN nextval(sequence_name);
END
$$;

DO $$
DECLARE
    counter record;
BEGIN
    FOR counter IN SELECT year, last FROM order_numbers LOOP
        EXECUTE format('CREATE SEQUENCE order_number_%s AS bigint MINVALUE 1 START %s', counter.year, counter.last + 1);
    END LOOP;
END
$$;

DROP TABLE order_numbers;
