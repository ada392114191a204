import { useState } from 'preact/hooks';
import { type EventDetail, reviewEvent } from './api.ts';
import { EVENT_TYPES } from './colors.ts';

const EDITS: [string, string, 'text' | 'date' | 'number'][] = [
  ['event_type', 'Event type', 'text'], ['sub_event_type', 'Sub-event type', 'text'], ['actor1', 'Actor 1', 'text'], ['actor2', 'Actor 2', 'text'],
  ['location', 'Location', 'text'], ['latitude', 'Latitude', 'number'], ['longitude', 'Longitude', 'number'], ['event_date', 'Date', 'date'], ['fatalities', 'Fatalities', 'number'],
];

/** Accept, reject or edit an event through the API's PATCH; read-only (with a notice) until a token is entered. */
export function ReviewPanel({ ev, token, reviewer, onToken, onSaved }: { ev: EventDetail; token: string; reviewer: string; onToken: (t: string, who: string) => void; onSaved: () => void }) {
  const [edit, setEdit] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<string | null>(null);
  const [tok, setTok] = useState(token);
  const [who, setWho] = useState(reviewer);
  const ro = !token;
  const send = async (action: 'accept' | 'reject' | 'edit') => {
    const changes: Record<string, unknown> = {};
    for (const [k, , type] of EDITS) {
      if (!(k in edit)) continue;
      const raw = edit[k]!.trim();
      const v = raw === '' ? null : type === 'number' ? Number(raw) : raw;
      if (v !== ev[k]) changes[k] = v;
    }
    if (action === 'edit' && !Object.keys(changes).length) return setMsg('Nothing changed.');
    try {
      await reviewEvent(ev.id, token, { action, ...(action === 'edit' ? { changes } : {}), reviewer: reviewer || 'reviewer' });
      setEdit({});
      setMsg(`Saved: ${action}.`);
      onSaved();
    } catch (e) {
      setMsg(`Not saved: ${(e as Error).message}`);
    }
  };
  return (
    <section class="review" data-testid="review">
      <h3>Review</h3>
      {ro && (
        <p class="notice" data-testid="read-only">
          Read-only: enter the reviewer token configured on the server to accept, edit or reject events.
        </p>
      )}
      <form
        class="token"
        onSubmit={(e) => {
          e.preventDefault();
          onToken(tok, who);
        }}
      >
        <label>
          Reviewer
          <input name="reviewer" value={who} onInput={(e) => setWho((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          Token
          <input name="token" type="password" value={tok} onInput={(e) => setTok((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit">Save token</button>
      </form>
      <div class="edit-grid">
        {EDITS.map(([k, label, type]) => (
          <label key={k}>
            {label}
            <input
              name={`edit-${k}`}
              type={type}
              step={type === 'number' ? 'any' : undefined}
              list={k === 'event_type' ? 'dl-review-types' : k === 'sub_event_type' ? 'dl-review-subtypes' : undefined}
              disabled={ro}
              value={k in edit ? edit[k] : ev[k] == null ? '' : String(ev[k])}
              onInput={(e) => setEdit({ ...edit, [k]: (e.target as HTMLInputElement).value })}
            />
          </label>
        ))}
        <datalist id="dl-review-types">
          {Object.keys(EVENT_TYPES).map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
        <datalist id="dl-review-subtypes">
          {Object.values(EVENT_TYPES)
            .flat()
            .map((t) => (
              <option key={t} value={t} />
            ))}
        </datalist>
      </div>
      <div class="actions">
        <button type="button" disabled={ro} onClick={() => send('accept')}>
          Accept
        </button>
        <button type="button" disabled={ro} onClick={() => send('edit')} data-testid="save-edit">
          Save edits
        </button>
        <button type="button" disabled={ro} class="danger" onClick={() => send('reject')}>
          Reject
        </button>
      </div>
      {msg && <p role="status">{msg}</p>}
    </section>
  );
}
