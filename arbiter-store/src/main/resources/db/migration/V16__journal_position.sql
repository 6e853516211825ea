-- The embedded database's redo journal (docs/storage.md, "Redo journal"): each batch the writer commits also
-- sets seq to its journal sequence number, so the database file says which batch it ends with and a restart
-- replays the journal's later batches. One row; unused on PostgreSQL, whose own WAL does this.
CREATE TABLE journal_position (
    id  INTEGER NOT NULL,
    seq BIGINT  NOT NULL,
    CONSTRAINT pk_journal_position PRIMARY KEY (id)
);
INSERT INTO journal_position (id, seq) VALUES (1, 0);
