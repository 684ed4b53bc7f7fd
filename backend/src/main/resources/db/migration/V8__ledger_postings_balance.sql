-- The balance check of V6 runs for each new entry. A posting added later to an entry booked earlier escaped it and
-- could unbalance the entry; so every new posting also has its entry checked when its transaction commits.
CREATE FUNCTION ledger_posting_entry_balances() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total numeric;
    lines integer;
BEGIN
    SELECT coalesce(sum(amount), 0), count(*) INTO total, lines FROM ledger_postings WHERE entry_id = NEW.entry_id;
    IF total <> 0 OR lines < 2 THEN
        RAISE EXCEPTION 'ledger entry % does not balance: % postings adding up to %', NEW.entry_id, lines, total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER ledger_postings_balance AFTER INSERT ON ledger_postings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_posting_entry_balances();
