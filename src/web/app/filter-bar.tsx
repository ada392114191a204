import { useRef, useState } from 'preact/hooks';
import { type EventRow, fetchFacets } from './api.ts';
import { EVENT_TYPES } from './colors.ts';
import type { FilterKey, Filters } from './filters.ts';

const uniq = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x))].sort();

/** The filter form: every control writes the shared filters (and so the URL); text fields apply on Enter or blur. */
export function FilterBar({ filters, onChange, events }: { filters: Filters; onChange: (f: Filters) => void; events: EventRow[] }) {
  const [draft, setDraft] = useState<Filters>(filters);
  const [seen, setSeen] = useState(filters);
  // A filter changed elsewhere (the brush, a map group, Back) resets the draft.
  if (seen !== filters) {
    setSeen(filters);
    setDraft(filters);
  }
  // Suggestions come from the database (`/api/facets`), not only from the events on screen: typing "Idl" offers
  // "Idlib" even when the table shows the first page of another country.
  const [facets, setFacets] = useState<Partial<Record<FilterKey, string[]>>>({});
  const pending = useRef<Partial<Record<FilterKey, number>>>({});
  const suggest = (k: FilterKey, text: string) => {
    clearTimeout(pending.current[k]);
    pending.current[k] = window.setTimeout(() => {
      fetchFacets(k, text, filters)
        .then((r) => setFacets((f) => ({ ...f, [k]: r.items.map((x) => x.value) })))
        .catch(() => undefined);
    }, 120);
  };
  const set = (k: FilterKey, v: string, apply = false) => {
    const d = { ...draft, [k]: v || undefined };
    if (k === 'event_type') d.sub_event_type = undefined;
    setDraft(d);
    if (apply) onChange(d);
  };
  const text = (k: FilterKey, label: string, list?: string[], type: 'text' | 'date' | 'number' = 'text') => (
    <label>
      {label}
      <input
        name={k}
        type={type}
        value={draft[k] ?? ''}
        list={list ? `dl-${k}` : undefined}
        min={type === 'number' ? 0 : undefined}
        onFocus={list ? () => suggest(k, draft[k] ?? '') : undefined}
        onInput={(e) => {
          const v = (e.target as HTMLInputElement).value;
          set(k, v, type === 'date');
          if (list) suggest(k, v);
        }}
        onKeyDown={(e) => e.key === 'Enter' && onChange(draft)}
        onBlur={() => draft[k] !== filters[k] && onChange(draft)}
      />
      {list && (
        <datalist id={`dl-${k}`}>
          {(facets[k] ?? list).map((x) => (
            <option key={x} value={x} />
          ))}
        </datalist>
      )}
    </label>
  );
  const select = (k: FilterKey, label: string, options: string[]) => (
    <label>
      {label}
      <select name={k} value={draft[k] ?? ''} onChange={(e) => set(k, (e.target as HTMLSelectElement).value, true)}>
        <option value="">all</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
  const active = Object.keys(filters).length > 0;
  return (
    <form class="filters" onSubmit={(e) => (e.preventDefault(), onChange(draft))}>
      {text('from', 'From', undefined, 'date')}
      {text('to', 'To', undefined, 'date')}
      {text('country', 'Country', uniq(events.map((e) => e.country)))}
      {text('admin1', 'Admin1', uniq(events.map((e) => e.admin1)))}
      {select('event_type', 'Type', Object.keys(EVENT_TYPES))}
      {select('sub_event_type', 'Sub-type', draft.event_type ? (EVENT_TYPES[draft.event_type] ?? []) : Object.values(EVENT_TYPES).flat())}
      {text('actor', 'Actor', uniq(events.flatMap((e) => [e.actor1, e.actor2, e.assoc_actor_1, e.assoc_actor_2])))}
      {text('min_fatalities', 'Min. fatalities', undefined, 'number')}
      {text('q', 'Text')}
      {text('source', 'Source', uniq(events.flatMap((e) => e.sources ?? [])))}
      {select('review_status', 'Review', ['pending', 'accepted', 'edited', 'rejected'])}
      {filters.bbox && (
        <button type="button" class="chip" onClick={() => onChange({ ...filters, bbox: undefined })}>
          map area ×
        </button>
      )}
      <button type="submit">Apply</button>
      {active && (
        <button type="button" onClick={() => onChange({})}>
          Clear
        </button>
      )}
    </form>
  );
}
