/**
 * The one registry of Sitrep error and diagnostic codes. `docs/errors.md` lists the same codes; a test keeps
 * the two in sync. HTTP status applies when the code reaches the API.
 */
export const ERRORS = {
  SITREP_INGEST_NOT_FOUND: { status: 404, message: 'Input path does not exist' },
  SITREP_INGEST_EMPTY: { status: 400, message: 'Input is empty' },
  SITREP_INGEST_BINARY: { status: 415, message: 'Input looks binary, not text' },
  SITREP_INGEST_TOO_LARGE: { status: 413, message: 'Input exceeds the size limit' },
  SITREP_INGEST_ENCODING_GUESSED: { status: 200, message: 'Text encoding was guessed' },
  SITREP_INGEST_NO_ARTICLE: { status: 422, message: 'No article content found in HTML' },
  SITREP_INGEST_BAD_JSON: { status: 400, message: 'Invalid JSON' },
  SITREP_INGEST_BAD_FEED: { status: 422, message: 'Malformed or truncated feed' },
  SITREP_INGEST_FEED_ITEM_NO_BODY: { status: 200, message: 'Feed item has no body; title and summary kept' },
  SITREP_INGEST_BAD_DATE: { status: 400, message: 'Invalid publication date' },
  SITREP_INGEST_DATE_INFERRED: { status: 200, message: 'Publication date inferred from the text' },
  SITREP_INGEST_NO_DATE: { status: 200, message: 'No publication date: relative dates stay unresolved' },
  SITREP_INGEST_NOT_ENGLISH: { status: 422, message: 'Article is not in English; extraction skipped' },
  SITREP_INGEST_UNSUPPORTED: { status: 415, message: 'Unsupported input format' },
  SITREP_INGEST_TEXT_NORMALISED: { status: 200, message: 'Text normalised (NFC / line endings)' },
  SITREP_INGEST_MISSING_FIELD: { status: 400, message: 'Required field missing' },
  SITREP_FETCH_FAILED: { status: 502, message: 'Fetching the URL failed' },
  SITREP_FETCH_PRIVATE_ADDRESS: { status: 403, message: 'Refusing to fetch a private or loopback address' },
  SITREP_FETCH_BAD_URL: { status: 400, message: 'Invalid or unsupported URL' },
  SITREP_PIPELINE_ORDER: { status: 500, message: 'Pipeline stages are out of order' },
  SITREP_PIPELINE_STAGE_FAILED: { status: 500, message: 'A pipeline stage failed on this article' },
  SITREP_TIME_UNRESOLVED: { status: 200, message: 'Relative date left unresolved (no publication date)' },
  SITREP_GAZETTEER_MISSING: { status: 500, message: 'Gazetteer index is missing; run the build script' },
  SITREP_GAZETTEER_BAD_IMPORT: { status: 400, message: 'Gazetteer import file is malformed' },
  SITREP_DB_FAILED: { status: 500, message: 'Database operation failed' },
  SITREP_API_BAD_REQUEST: { status: 400, message: 'Malformed request' },
  SITREP_API_NOT_FOUND: { status: 404, message: 'No such resource' },
  SITREP_API_TOO_LARGE: { status: 413, message: 'Request body too large' },
  SITREP_API_UNAUTHORIZED: { status: 401, message: 'A reviewer token is required' },
  SITREP_API_READ_ONLY: { status: 403, message: 'No reviewer token is configured on the server; the API is read-only' },
  SITREP_API_INTERNAL: { status: 500, message: 'Internal error' },
  SITREP_MERGE_CONFLICT: { status: 409, message: 'Merge decision conflicts with an earlier analyst decision' },
  SITREP_CLI_USAGE: { status: 400, message: 'Invalid command-line usage' },
} as const;

/** A known error code. */
export type ErrorCode = keyof typeof ERRORS;

/** An error carrying a registry code; the CLI and the API print it without a stack trace. */
export class SitrepError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  constructor(code: ErrorCode, detail?: string) {
    super(detail ? `${ERRORS[code].message}: ${detail}` : ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
  }
}
