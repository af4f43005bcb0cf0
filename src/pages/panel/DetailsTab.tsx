import { useState } from 'preact/hooks';
import type { Recording, Speaker, WebinarDetails } from '../../core/model';
import { removeSpeaker, saveDetails, saveSpeaker, type RecordingInfo } from '../../db/recordings';
import { FormError, errorText } from '../shared/FormError';

interface Props {
  recording: RecordingInfo;
  stored: Recording | undefined;
}

/** The webinar as the summary post describes it: details and who spoke. */
export function DetailsTab({ recording, stored }: Props) {
  return (
    <div class="tab-body details">
      <DetailsForm key={recording.key} recording={recording} details={stored?.details ?? {}} pageTitle={recording.title} />
      <h2>Speakers</h2>
      <ul class="speakers">
        {(stored?.speakers ?? []).map((speaker) => (
          <SpeakerRow key={speaker.id} recording={recording} speaker={speaker} />
        ))}
      </ul>
      <SpeakerForm recording={recording} />
    </div>
  );
}

function DetailsForm({ recording, details, pageTitle }: { recording: RecordingInfo; details: WebinarDetails; pageTitle: string }) {
  const [draft, setDraft] = useState<WebinarDetails>({ title: pageTitle, ...details });
  const [status, setStatus] = useState('');
  const field = (name: keyof WebinarDetails) => ({
    value: draft[name] ?? '',
    onInput: (event: Event) => setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value }),
  });
  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault();
        const cleaned = Object.fromEntries(
          Object.entries(draft)
            .map(([k, v]) => [k, (v ?? '').trim()])
            .filter(([, v]) => v !== ''),
        ) as WebinarDetails;
        saveDetails(recording, cleaned).then(
          () => setStatus('Saved.'),
          (error: unknown) => setStatus(`Not saved: ${errorText(error)}`),
        );
      }}
    >
      <label>
        Title <input type="text" {...field('title')} />
      </label>
      <label>
        Date <input type="date" {...field('date')} />
      </label>
      <label>
        Organiser <input type="text" {...field('organiser')} />
      </label>
      <label>
        Description <textarea rows={3} dir="auto" {...field('description')} />
      </label>
      <div class="row-end">
        <span role="status" class="muted">
          {status}
        </span>
        <button type="submit" class="primary">
          Save details
        </button>
      </div>
    </form>
  );
}

function SpeakerRow({ recording, speaker }: { recording: RecordingInfo; speaker: Speaker }) {
  const [editing, setEditing] = useState(false);
  if (editing) return <SpeakerForm recording={recording} speaker={speaker} onDone={() => setEditing(false)} />;
  return (
    <li class="speaker">
      <span>
        <strong>{speaker.name}</strong>
        {[speaker.role, speaker.org].filter(Boolean).length > 0 && <span class="muted"> · {[speaker.role, speaker.org].filter(Boolean).join(', ')}</span>}
        {speaker.handle && <span class="muted"> · @{speaker.handle}</span>}
      </span>
      <span class="actions">
        <button type="button" class="quiet" onClick={() => setEditing(true)} aria-label={`Edit ${speaker.name}`}>
          Edit
        </button>
        <button type="button" class="quiet" onClick={() => void removeSpeaker(recording, speaker.id)} aria-label={`Remove ${speaker.name}`}>
          Remove
        </button>
      </span>
    </li>
  );
}

function SpeakerForm({ recording, speaker, onDone }: { recording: RecordingInfo; speaker?: Speaker; onDone?: () => void }) {
  const empty = { name: '', role: '', org: '', handle: '' };
  const [draft, setDraft] = useState({ ...empty, ...speaker });
  const [message, setMessage] = useState<string | null>(null);
  const input = (name: keyof typeof empty, label: string) => (
    <label>
      {label}{' '}
      <input type="text" value={draft[name]} onInput={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })} />
    </label>
  );
  return (
    <form
      class="stack speaker-form"
      aria-label={speaker ? `Edit ${speaker.name}` : 'Add a speaker'}
      onSubmit={(event) => {
        event.preventDefault();
        const optional = (value: string) => value.trim() || undefined;
        saveSpeaker(recording, {
          ...(speaker ? { id: speaker.id } : {}),
          name: draft.name,
          role: optional(draft.role),
          org: optional(draft.org),
          handle: optional(draft.handle.replace(/^@/, '')),
        }).then(
          () => {
            setMessage(null);
            if (onDone) onDone();
            else setDraft(empty);
          },
          (error: unknown) => setMessage(errorText(error)),
        );
      }}
    >
      {input('name', 'Name')}
      {input('role', 'Role')}
      {input('org', 'Organisation')}
      {input('handle', 'Handle')}
      <FormError message={message} />
      <div class="row-end">
        {onDone && (
          <button type="button" class="quiet" onClick={onDone}>
            Cancel
          </button>
        )}
        <button type="submit">{speaker ? 'Save speaker' : 'Add speaker'}</button>
      </div>
    </form>
  );
}
