-- Times are Unix milliseconds (UTC). Conversations are named by their hash, never by the channel's id,
-- except in the Direct Line log, whose clients address conversations by id.

CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Follow-up context: recent standalone queries and the crisis flag, one row per conversation.
CREATE TABLE conversations (
    hash    TEXT PRIMARY KEY,
    state   TEXT NOT NULL,
    touched INTEGER NOT NULL
);
CREATE INDEX conversations_touched ON conversations (touched);

-- Direct Line: conversations and their activity log (sequence = watermark).
CREATE TABLE dl_conversations (
    id       TEXT PRIMARY KEY,
    last_seq INTEGER NOT NULL,
    last_ts  INTEGER NOT NULL,
    touched  INTEGER NOT NULL
);
CREATE INDEX dl_conversations_touched ON dl_conversations (touched);

CREATE TABLE dl_activities (
    conversation_id TEXT NOT NULL,
    seq             INTEGER NOT NULL,
    ts              INTEGER NOT NULL,
    expires         INTEGER NULL,
    json            TEXT NOT NULL,
    PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;

CREATE TABLE feedback (
    id                INTEGER PRIMARY KEY,
    at                INTEGER NOT NULL,
    conversation_hash TEXT NOT NULL,
    activity_id       TEXT NOT NULL,
    rating            TEXT NOT NULL,
    comment           TEXT NULL,
    provenance        TEXT NULL
);
CREATE INDEX feedback_at ON feedback (at);

-- One row per distinct redacted question.
CREATE TABLE content_gaps (
    key            TEXT PRIMARY KEY,
    question       TEXT NOT NULL,
    count          INTEGER NOT NULL,
    first_seen     INTEGER NOT NULL,
    last_seen      INTEGER NOT NULL,
    channel        TEXT NOT NULL,
    corpus_version TEXT NOT NULL,
    top_score      REAL NOT NULL
);
CREATE INDEX content_gaps_last_seen ON content_gaps (last_seen);
CREATE INDEX content_gaps_count ON content_gaps (count DESC, last_seen DESC);

-- Provenance per reply; answer_keys finds a record from the id feedback names it by.
CREATE TABLE answers (
    id                INTEGER PRIMARY KEY,
    at                INTEGER NOT NULL,
    conversation_hash TEXT NOT NULL,
    channel           TEXT NOT NULL,
    route             TEXT NOT NULL,
    record            TEXT NOT NULL
);
CREATE INDEX answers_at ON answers (at);

CREATE TABLE answer_keys (
    conversation_hash TEXT NOT NULL,
    reply_key         TEXT NOT NULL,
    answer_id         INTEGER NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
    PRIMARY KEY (conversation_hash, reply_key)
) WITHOUT ROWID;
CREATE INDEX answer_keys_answer ON answer_keys (answer_id);
