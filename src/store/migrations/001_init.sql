-- Sitrep schema v1. Article text is stored once; every annotation is a {start,end} span into it.
-- Per-article extracted events are kept apart from merged events (one row per incident) so that the merge
-- stage can regroup them without touching what each article said.

CREATE TABLE outlets (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE sources (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  kind text
);

CREATE TABLE actors (
  id bigserial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  inter text
);

CREATE TABLE ingest_runs (
  id bigserial PRIMARY KEY,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  status text NOT NULL DEFAULT 'running',
  inputs jsonb NOT NULL DEFAULT '[]',
  summary jsonb
);

CREATE TABLE articles (
  id bigserial PRIMARY KEY,
  content_hash text NOT NULL UNIQUE,
  url text UNIQUE,
  external_id text,
  outlet_id bigint REFERENCES outlets(id),
  title text,
  credit text,
  published text,
  published_day date,
  published_from text,
  language text,
  encoding text,
  input text NOT NULL,
  text text NOT NULL,
  -- The text as given, only when normalisation changed it (spans in the API are canonical offsets).
  raw_text text,
  normalisation jsonb NOT NULL DEFAULT '{}',
  -- sentences, paragraphs, removed, mentions, times, diagnostics: read whole, never queried inside.
  annotations jsonb NOT NULL DEFAULT '{}',
  version integer NOT NULL DEFAULT 1,
  -- Counts written in the same transaction as the rows, so a check can prove no article is half-written.
  n_claims integer NOT NULL DEFAULT 0,
  n_places integer NOT NULL DEFAULT 0,
  n_events integer NOT NULL DEFAULT 0,
  run_id bigint REFERENCES ingest_runs(id),
  ingested_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_published_idx ON articles (published_day);
CREATE INDEX articles_outlet_idx ON articles (outlet_id);
CREATE INDEX articles_fts_idx ON articles USING gin (to_tsvector('english', text));

-- Earlier versions of an article, kept when a corrected version of the same URL arrives.
CREATE TABLE article_versions (
  id bigserial PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  version integer NOT NULL,
  content_hash text NOT NULL,
  title text,
  published text,
  text text NOT NULL,
  annotations jsonb NOT NULL DEFAULT '{}',
  derived jsonb NOT NULL DEFAULT '{}',
  ingested_at timestamptz NOT NULL,
  superseded_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (article_id, version)
);

CREATE TABLE claims (
  id bigserial PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx integer NOT NULL,
  kind text NOT NULL,
  low double precision,
  best double precision,
  high double precision,
  hedge text,
  unit text NOT NULL,
  victim_category text NOT NULL,
  victim_actor text,
  perpetrator text,
  source_id bigint REFERENCES sources(id),
  source_name text,
  source_kind text,
  source_chain jsonb NOT NULL DEFAULT '[]',
  source_span jsonb,
  source_rule text,
  background boolean NOT NULL DEFAULT false,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  also jsonb NOT NULL DEFAULT '[]',
  sentence integer NOT NULL,
  part_of integer,
  share jsonb,
  abducted boolean,
  rule text NOT NULL,
  UNIQUE (article_id, idx)
);
CREATE INDEX claims_kind_idx ON claims (kind);
CREATE INDEX claims_source_idx ON claims (source_id);

CREATE TABLE places (
  id bigserial PRIMARY KEY,
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx integer NOT NULL,
  name text NOT NULL,
  resolved_name text,
  geonameid bigint,
  lat double precision,
  lon double precision,
  country text,
  admin1 text,
  feature text NOT NULL,
  precision smallint,
  candidates_considered integer NOT NULL DEFAULT 0,
  rule text NOT NULL,
  relative jsonb,
  span_start integer NOT NULL,
  span_end integer NOT NULL,
  sentence integer NOT NULL,
  UNIQUE (article_id, idx)
);
CREATE INDEX places_name_idx ON places (coalesce(resolved_name, name));
CREATE INDEX places_country_idx ON places (country, admin1);

-- What one article says happened (SitrepEvent); `sitrep_id` is stable across re-ingests of the same URL.
CREATE TABLE extracted_events (
  id bigserial PRIMARY KEY,
  sitrep_id text NOT NULL UNIQUE,
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx integer NOT NULL,
  event_type text NOT NULL,
  sub_event_type text NOT NULL,
  disorder_type text NOT NULL,
  actor1 text,
  assoc_actor_1 text,
  inter1 text,
  actor2 text,
  assoc_actor_2 text,
  inter2 text,
  interaction text,
  civilian_targeting text,
  event_date date,
  time_precision smallint,
  country text,
  iso text,
  admin1 text,
  admin2 text,
  location text,
  latitude double precision,
  longitude double precision,
  geo_precision smallint,
  fatalities integer NOT NULL DEFAULT 0,
  fatalities_low double precision,
  fatalities_best double precision,
  fatalities_high double precision,
  claim_idx jsonb NOT NULL DEFAULT '[]',
  sources jsonb NOT NULL DEFAULT '[]',
  notes text NOT NULL DEFAULT '',
  evidence jsonb NOT NULL DEFAULT '[]',
  sentence integer NOT NULL,
  confidence double precision NOT NULL,
  rule text NOT NULL,
  UNIQUE (article_id, idx)
);

-- Merged events: one row per incident. Review state lives here; every change goes to audit_log.
CREATE TABLE events (
  id text PRIMARY KEY,
  -- `event_date id`, maintained by the store: the keyset for cursor pagination and streaming exports.
  sort_key text NOT NULL UNIQUE,
  event_type text NOT NULL,
  sub_event_type text NOT NULL,
  disorder_type text NOT NULL,
  actor1 text,
  assoc_actor_1 text,
  inter1 text,
  actor2 text,
  assoc_actor_2 text,
  inter2 text,
  interaction text,
  civilian_targeting text,
  event_date date,
  time_precision smallint,
  country text,
  iso text,
  region text,
  admin1 text,
  admin2 text,
  admin3 text,
  location text,
  latitude double precision,
  longitude double precision,
  geo_precision smallint,
  fatalities integer NOT NULL DEFAULT 0,
  fatalities_low double precision,
  fatalities_best double precision,
  fatalities_high double precision,
  displaced double precision,
  sources jsonb NOT NULL DEFAULT '[]',
  sources_independent integer NOT NULL DEFAULT 0,
  reports integer NOT NULL DEFAULT 0,
  notes text NOT NULL DEFAULT '',
  evidence_url text,
  confidence double precision,
  review_status text NOT NULL DEFAULT 'pending' CHECK (review_status IN ('pending', 'accepted', 'edited', 'rejected')),
  reviewed_by text,
  reviewed_at timestamptz,
  -- Fields a reviewer set by hand; re-extraction and merging must not overwrite them.
  overrides jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_date_idx ON events (event_date);
CREATE INDEX events_country_idx ON events (country, admin1);
CREATE INDEX events_admin1_idx ON events (admin1);
CREATE INDEX events_type_idx ON events (event_type, sub_event_type);
CREATE INDEX events_sub_type_idx ON events (sub_event_type);
CREATE INDEX events_actor1_idx ON events (actor1);
CREATE INDEX events_actor2_idx ON events (actor2);
CREATE INDEX events_latlon_idx ON events (latitude, longitude);
CREATE INDEX events_fatalities_idx ON events (fatalities);
CREATE INDEX events_review_idx ON events (review_status);
CREATE INDEX events_sources_idx ON events USING gin (sources);
CREATE INDEX events_notes_fts_idx ON events USING gin (to_tsvector('english', notes));

CREATE TABLE event_members (
  event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  extracted_event_id bigint NOT NULL REFERENCES extracted_events(id) ON DELETE CASCADE,
  rule text NOT NULL,
  PRIMARY KEY (event_id, extracted_event_id)
);
CREATE INDEX event_members_extracted_idx ON event_members (extracted_event_id);

CREATE TABLE event_claims (
  event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  claim_id bigint NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, claim_id)
);
CREATE INDEX event_claims_claim_idx ON event_claims (claim_id);

CREATE TABLE event_articles (
  event_id text NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_articles_article_idx ON event_articles (article_id);

-- Who changed what and when; kept even when the event itself is later re-merged or removed.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  event_id text NOT NULL,
  action text NOT NULL,
  reviewer text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_event_idx ON audit_log (event_id, at);
