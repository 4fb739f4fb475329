/**
 * Migration 1: the corpus schema. Applied in one transaction by migrate.ts; never edited once
 * released (a change is a new numbered migration).
 *
 * sources        one row per indexed file (metadata only; the text lives in passages)
 * skipped        files that were read and skipped with warnings (so an unchanged one costs nothing)
 * passages       sentences with their place in the file, their length in index terms, their
 *                tie-break key, and a tsvector in their language's configuration (GIN index)
 * terms          Groundwork's index terms (src/core/index/query.ts) with document frequency
 * postings       term -> passage with the term frequency (capped at 15 like the local index)
 *                and the passage's length (so BM25 needs no join)
 * corpus_stats   one row: live passages, their total length, the shortest length, documents
 * language_counts documents per language (query analysis depends on the corpus languages)
 * corpus_meta    key/value: the analyzer fingerprint the terms were made with
 */
export const version = 1;
export const name = 'init';
export const sql = `
CREATE TABLE sources (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  path          text NOT NULL UNIQUE,
  key_base      text NOT NULL,
  title         text NOT NULL,
  date          text,
  outlet        text,
  author        text,
  language      text NOT NULL,
  kind          text,
  pages         integer,
  bytes_hash    text NOT NULL,
  content_hash  text NOT NULL,
  passage_count integer NOT NULL,
  warnings      jsonb NOT NULL DEFAULT '[]',
  indexed_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sources_key_base ON sources (key_base);

CREATE TABLE skipped (
  path       text PRIMARY KEY,
  bytes_hash text NOT NULL,
  warnings   jsonb NOT NULL DEFAULT '[]',
  indexed_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE passages (
  id         integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  source_id  integer NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
  ordinal    integer NOT NULL,
  text       text NOT NULL,
  start_line integer NOT NULL,
  start_char integer NOT NULL,
  end_line   integer NOT NULL,
  end_char   integer NOT NULL,
  page       integer,
  length     integer NOT NULL,
  tie        bigint NOT NULL,
  tsv        tsvector NOT NULL,
  UNIQUE (source_id, ordinal)
);
CREATE INDEX passages_tsv ON passages USING gin (tsv);

CREATE TABLE terms (
  id     integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  term   text NOT NULL UNIQUE,
  df     integer NOT NULL DEFAULT 0,
  max_tf integer NOT NULL DEFAULT 0
);

CREATE TABLE postings (
  term_id    integer NOT NULL,
  passage_id integer NOT NULL,
  tf         smallint NOT NULL,
  length     integer NOT NULL,
  PRIMARY KEY (term_id, passage_id) INCLUDE (tf, length)
);
CREATE INDEX postings_passage ON postings (passage_id);

CREATE TABLE corpus_stats (
  id           boolean PRIMARY KEY DEFAULT true CHECK (id),
  documents    bigint NOT NULL DEFAULT 0,
  passages     bigint NOT NULL DEFAULT 0,
  total_length bigint NOT NULL DEFAULT 0,
  min_length   integer
);
INSERT INTO corpus_stats DEFAULT VALUES;

CREATE TABLE language_counts (
  language  text PRIMARY KEY,
  documents integer NOT NULL DEFAULT 0
);

CREATE TABLE corpus_meta (
  name  text PRIMARY KEY,
  value text NOT NULL
);
`;
