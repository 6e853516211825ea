-- The embedded database's redo journal (docs/storage.md, "Redo journal"): each batch the writer commits also
-- sets seq to its journal sequence number, so the database file says which batch it ends with and a restart
-- replays the journal's later batches. database_id names the file's journal segments, so that the journal of a
-- deleted or replaced database file is never replayed into another. One row; unused on PostgreSQL, whose own
-- WAL does this.
CREATE TABLE journal_position (
    id          INTEGER     NOT NULL,
    seq         BIGINT      NOT NULL,
    database_id VARCHAR(36),
    CONSTRAINT pk_journal_position PRIMARY KEY (id)
);
INSERT INTO journal_position (id, seq) VALUES (1, 0);
