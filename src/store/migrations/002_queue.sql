-- Continuous ingestion: followed feeds, a job queue in the same database (claimed with
-- SELECT ... FOR UPDATE SKIP LOCKED), and per-host politeness shared by every worker on every machine.

CREATE TABLE feeds (
  id bigserial PRIMARY KEY,
  url text NOT NULL UNIQUE,
  host text NOT NULL,
  outlet text,
  every_s integer NOT NULL DEFAULT 600 CHECK (every_s > 0),
  -- Validators from the last 200 answer, sent back as If-None-Match / If-Modified-Since.
  etag text,
  last_modified text,
  next_fetch_at timestamptz NOT NULL DEFAULT now(),
  last_fetch_at timestamptz,
  last_ok_at timestamptz,
  last_status text,
  last_error text,
  -- Consecutive failed fetches; reset by a success. A feed whose fetch job dies is dead-lettered.
  failures integer NOT NULL DEFAULT 0,
  dead boolean NOT NULL DEFAULT false,
  items_seen bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One row per unit of work. `key` makes enqueueing idempotent: the same feed slot, page URL or article
-- text is enqueued once however many workers or re-runs try. A job held by a worker carries a lease
-- (`locked_until`); a dead worker's lease runs out and another worker claims the job again.
CREATE TABLE jobs (
  id bigserial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('feed', 'page', 'article')),
  key text NOT NULL UNIQUE,
  payload jsonb NOT NULL DEFAULT '{}',
  feed_id bigint REFERENCES feeds(id) ON DELETE SET NULL,
  -- Hosts are fetched politely: fetch jobs of one host are claimed at most N at a time, spaced by a delay.
  host text,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  run_at timestamptz NOT NULL DEFAULT now(),
  locked_by text,
  locked_until timestamptz,
  last_error text,
  result jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz
);
CREATE INDEX jobs_ready_idx ON jobs (run_at, id) WHERE state IN ('queued', 'running');
CREATE INDEX jobs_host_running_idx ON jobs (host) WHERE state = 'running';
CREATE INDEX jobs_finished_idx ON jobs (finished_at) WHERE state = 'done';
CREATE INDEX jobs_feed_idx ON jobs (feed_id, kind, state);

-- When each host may next be fetched; the row is locked while a worker decides, so two workers on two
-- machines never both take the last free slot of one host.
CREATE TABLE fetch_hosts (
  host text PRIMARY KEY,
  next_at timestamptz NOT NULL DEFAULT now()
);
