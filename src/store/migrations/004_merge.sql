-- Cross-article merging inside the store (docs/merging.md). Only tables of 001_init are referenced, so this
-- migration does not depend on any other one.

-- Syndication: each article's MinHash signature and its story group (the first article of a copy chain), with
-- the LSH band keys indexed so that a new article is compared only with candidate copies.
CREATE TABLE IF NOT EXISTS article_syndication (
  article_id bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  story_group text NOT NULL,
  signature jsonb NOT NULL,
  -- Word 4-shingle hashes, kept for the credited-rewrite containment check against the same agency's stories.
  shingles jsonb NOT NULL,
  agency text,
  credited boolean NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS article_syndication_agency_idx ON article_syndication (agency, article_id);
CREATE INDEX IF NOT EXISTS article_syndication_group_idx ON article_syndication (story_group);

CREATE TABLE IF NOT EXISTS article_bands (
  band_key text NOT NULL,
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (band_key, article_id)
);
CREATE INDEX IF NOT EXISTS article_bands_article_idx ON article_bands (article_id);

-- What merging knows about a merged event: the clustering summary (blocking on country and the date window as
-- day numbers) and the merged figures, independent sources and contradictions derived from its reports.
CREATE TABLE IF NOT EXISTS event_merge (
  event_id text PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
  event_type text NOT NULL,
  sub_event_type text NOT NULL,
  country text,
  admin1 text,
  -- Union of the members' date windows (day numbers): the blocking key.
  lo integer,
  hi integer,
  -- Earliest and latest member dates and the widest member slack (days), for the date test.
  first_day integer,
  last_day integer,
  slack integer NOT NULL DEFAULT 0,
  lat double precision,
  lon double precision,
  geo_precision smallint NOT NULL,
  actors jsonb NOT NULL DEFAULT '[]',
  civilian boolean NOT NULL DEFAULT false,
  independent_sources jsonb NOT NULL DEFAULT '[]',
  figures jsonb NOT NULL DEFAULT '[]',
  contradictions jsonb NOT NULL DEFAULT '[]',
  outlets jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS event_merge_block_idx ON event_merge (country, lo, hi);

-- Analyst decisions between report ids (extracted_events.sitrep_id): a split writes cannot-link pairs, a merge
-- must-link pairs. Every later merge reads them. Pairs are stored with a < b.
CREATE TABLE IF NOT EXISTS merge_decisions (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('cannot', 'must')),
  a text NOT NULL,
  b text NOT NULL,
  reviewer text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, a, b)
);
CREATE INDEX IF NOT EXISTS merge_decisions_b_idx ON merge_decisions (b);

-- ACLED's event_id_cnty: ISO3 and a running number per country, given once when an event is created.
ALTER TABLE events ADD COLUMN IF NOT EXISTS event_id_cnty text;
CREATE TABLE IF NOT EXISTS event_cnty_seq (
  iso3 text PRIMARY KEY,
  last integer NOT NULL DEFAULT 0
);
