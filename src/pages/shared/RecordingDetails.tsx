import { useRef, useState } from 'preact/hooks';
import type { Recording, Speaker, WebinarDetails } from '../../core/model';
import { speakerAffiliation, speakerDisplayName } from '../../core/people';
import { addSpeaker, editSpeaker, removeSpeaker, saveDetails, type RecordingInfo, type SpeakerFields } from '../../db/recordings';
import { ConflictNotice } from './ConflictNotice';
import { useFieldEdit } from './use-field-edit';
import { withEdited } from './keep-edited';
import { FormError } from './FormError';
import { FEEDBACK, failedText } from '../../core/feedback-text';
import { errorText } from '../../core/error-text';
import type { Toast } from './toast';
import { t, type MessageKey } from '../../core/i18n';

interface Props {
  recording: RecordingInfo;
  stored: Recording | undefined;
  /** Tells the user what happened to a write that has no form of its own (removing a speaker). */
  toast(toast: Toast): void;
}

/** The webinar as the summary post describes it: details and who spoke. */
export function RecordingDetails({ recording, stored, toast }: Props) {
  const [editingId, setEditingId] = useState<string | null>(null);
  const lastEdited = useRef<Speaker | null>(null);
  // A speaker removed elsewhere while being edited stays (last) until its form closes.
  const speakers = withEdited(stored?.speakers ?? [], editingId, lastEdited, () => 0);
  return (
    <div class="tab-body details">
      <DetailsForm key={recording.key} recording={recording} details={stored?.details ?? {}} pageTitle={recording.title} />
      <h2>{t('shared_speakers')}</h2>
      <ul class="speakers">
        {speakers.map((speaker) =>
          speaker.id === editingId ? (
            <SpeakerForm key={speaker.id} recording={recording} speaker={speaker} onDone={() => setEditingId(null)} />
          ) : (
            <SpeakerRow
              key={speaker.id}
              speaker={speaker}
              onEdit={() => setEditingId(speaker.id)}
              onRemove={() => removeSpeaker(recording, speaker.id).catch((error: unknown) => toast({ text: failedText('speakerRemoved', error) }))}
              editLocked={editingId !== null}
            />
          ),
        )}
      </ul>
      <SpeakerForm recording={recording} />
    </div>
  );
}

const DETAIL_LABELS: Record<keyof WebinarDetails, MessageKey> = {
  title: 'shared_detailTitle',
  date: 'shared_detailDate',
  organiser: 'shared_detailOrganiser',
  description: 'shared_detailDescription',
};

/** The form's fields without blanks: a cleared field is left out, so it is removed when saved. */
function filledIn(draft: WebinarDetails): WebinarDetails {
  return Object.fromEntries(
    Object.entries(draft)
      .map(([k, v]) => [k, (v ?? '').trim()])
      .filter(([, v]) => v !== ''),
  ) as WebinarDetails;
}

function DetailsForm({ recording, details, pageTitle }: { recording: RecordingInfo; details: WebinarDetails; pageTitle: string }) {
  // Where no title was given the page's shows, as the summary uses it then.
  const [draft, setDraft] = useState<WebinarDetails>({ title: pageTitle, ...details });
  const [status, setStatus] = useState('');
  const adopt = <K extends keyof WebinarDetails>(field: K, value: WebinarDetails[K]) =>
    setDraft((now) => ({ ...now, [field]: field === 'title' ? (value ?? pageTitle) : value }));
  const save = () => {
    const mine = filledIn(draft);
    // The page's title left as shown stays unset, so the summary keeps following the page.
    if (edit.base.title === undefined && mine.title === pageTitle) delete mine.title;
    edit.run(mine, (base, wanted) => saveDetails(recording, base, wanted)).then(
      (outcome) => setStatus(outcome.state === 'saved' ? FEEDBACK.saved.done : ''),
      (error: unknown) => setStatus(failedText('saved', error)),
    );
  };
  const edit = useFieldEdit<WebinarDetails>(details, adopt, save);
  const field = (name: keyof WebinarDetails) => ({
    value: draft[name] ?? '',
    onInput: (event: Event) => setDraft({ ...draft, [name]: (event.currentTarget as HTMLInputElement).value }),
  });
  return (
    <form
      class="stack"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <label>
        {t(DETAIL_LABELS.title)} <input type="text" {...field('title')} />
      </label>
      <label>
        {t(DETAIL_LABELS.date)} <input type="date" {...field('date')} />
      </label>
      <label>
        {t(DETAIL_LABELS.organiser)} <input type="text" {...field('organiser')} />
      </label>
      <label>
        {t(DETAIL_LABELS.description)} <textarea rows={3} dir="auto" {...field('description')} />
      </label>
      <ConflictNotice
        what="details"
        conflicts={edit.conflicts}
        label={(name) => t(DETAIL_LABELS[name])}
        show={(_name, value) => value || t('shared_empty')}
        onChoose={edit.choose}
      />
      <div class="row-end">
        <span role="status" class="muted">
          {status}
        </span>
        <button type="submit" class="primary">
          {t('shared_saveDetails')}
        </button>
      </div>
    </form>
  );
}

/** A speaker of the list; `editLocked`: another speaker's form is open (one at a time, so none is dropped). */
function SpeakerRow({ speaker, onEdit, onRemove, editLocked }: { speaker: Speaker; onEdit(): void; onRemove(): void; editLocked: boolean }) {
  return (
    <li class="speaker">
      <span>
        <strong>{speakerDisplayName(speaker)}</strong>
        {speakerAffiliation(speaker) && <span class="muted"> · {speakerAffiliation(speaker)}</span>}
        {speaker.handle && <span class="muted"> · @{speaker.handle}</span>}
      </span>
      <span class="actions">
        <button
          type="button"
          class="quiet"
          onClick={onEdit}
          disabled={editLocked}
          title={editLocked ? t('shared_speakerBusy') : undefined}
          aria-label={t('shared_editSpeakerLabel', speaker.name)}
        >
          {t('shared_edit')}
        </button>
        <button type="button" class="quiet" onClick={onRemove} aria-label={t('shared_removeSpeakerLabel', speaker.name)}>
          {t('shared_remove')}
        </button>
      </span>
    </li>
  );
}

const SPEAKER_LABELS: Record<keyof SpeakerFields, MessageKey> = { name: 'shared_speakerName', role: 'shared_speakerRole', org: 'shared_speakerOrg', handle: 'shared_speakerHandle' };

/** A stored speaker as the speaker form edits it: the typed fields, without id or edit times. */
function speakerFields({ id: _id, fieldsUpdatedAt: _times, ...fields }: Speaker): SpeakerFields {
  return fields;
}

function SpeakerForm({ recording, speaker, onDone }: { recording: RecordingInfo; speaker?: Speaker; onDone?: () => void }) {
  const empty = { name: '', role: '', org: '', handle: '' };
  const [draft, setDraft] = useState({ ...empty, ...speaker });
  const [message, setMessage] = useState<string | null>(null);
  const adopt = <K extends keyof SpeakerFields>(field: K, value: SpeakerFields[K]) => setDraft((now) => ({ ...now, [field]: value ?? '' }));
  const save = () => {
    const optional = (value: string) => value.trim() || undefined;
    const mine: SpeakerFields = {
      name: draft.name.trim(),
      role: optional(draft.role),
      org: optional(draft.org),
      handle: optional(draft.handle.replace(/^@/, '')),
    };
    const saving = speaker
      ? edit.run(mine, (base, wanted) => editSpeaker(recording, speaker.id, base, wanted))
      : addSpeaker(recording, mine).then(() => ({ state: 'saved' as const }));
    saving.then(
      (outcome) => {
        if (outcome.state === 'saved') {
          setMessage(null);
          if (onDone) onDone();
          else setDraft(empty);
        } else if (outcome.state !== 'conflict') {
          setMessage(t('shared_speakerRemoved'));
        }
      },
      // The write checks the form (a speaker needs a name): its words are the message.
      (error: unknown) => setMessage(errorText(error)),
    );
  };
  const edit = useFieldEdit<SpeakerFields>(speaker ? speakerFields(speaker) : { name: '' }, adopt, save);
  const input = (name: keyof typeof empty) => (
    <label>
      {t(SPEAKER_LABELS[name])}{' '}
      <input type="text" value={draft[name]} onInput={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })} />
    </label>
  );
  return (
    <form
      class="stack speaker-form"
      aria-label={speaker ? t('shared_editSpeakerLabel', speaker.name) : t('shared_addSpeakerForm')}
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      {input('name')}
      {input('role')}
      {input('org')}
      {input('handle')}
      <FormError message={message} />
      <ConflictNotice
        what="speaker"
        conflicts={edit.conflicts}
        label={(name) => t(SPEAKER_LABELS[name])}
        show={(_name, value) => value || t('shared_empty')}
        onChoose={edit.choose}
      />
      <div class="row-end">
        {onDone && (
          <button type="button" class="quiet" onClick={onDone}>
            {t('shared_cancel')}
          </button>
        )}
        <button type="submit">{t(speaker ? 'shared_saveSpeaker' : 'shared_addSpeaker')}</button>
      </div>
    </form>
  );
}
