import type { EventRow } from './api.ts';
import { typeColor } from './colors.ts';

const actors = (e: EventRow) => [e.actor1, e.actor2].filter(Boolean).join(' vs ');

/** The filtered events, newest first, one row each; a click opens the event. */
export function EventTable({ events, hasMore, onMore, onOpen, selected }: { events: EventRow[]; hasMore: boolean; onMore: () => void; onOpen: (id: string) => void; selected?: string }) {
  return (
    <div class="table-wrap">
      <table class="events" data-testid="events-table" data-rows={events.length}>
        <thead>
          <tr>
            <th>Date</th>
            <th>Type</th>
            <th>Actors</th>
            <th>Location</th>
            <th class="num">Fatalities</th>
            <th>Sources</th>
            <th>Review</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.id} class={e.id === selected ? 'selected' : ''} data-event-id={e.id} onClick={() => onOpen(e.id)}>
              <td>{e.event_date ?? '—'}</td>
              <td>
                <span class="swatch" style={{ background: typeColor(e.event_type) }} />
                {e.sub_event_type}
              </td>
              <td>{actors(e)}</td>
              <td>{[e.location, e.admin1, e.country].filter(Boolean).join(', ')}</td>
              <td class="num">
                {e.fatalities}
                {e.fatalities_high != null && e.fatalities_high !== e.fatalities ? ` (≤${e.fatalities_high})` : ''}
              </td>
              <td>{(e.sources ?? []).join('; ')}</td>
              <td class={`status ${e.review_status}`}>{e.review_status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!events.length && <p class="muted">No events match the filters.</p>}
      {hasMore && (
        <button type="button" onClick={onMore}>
          More events
        </button>
      )}
    </div>
  );
}
