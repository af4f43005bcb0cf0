import { t } from '../../core/i18n';
import type { Speaker } from '../../core/model';
import { formerSpeaker, speakerDisplayName } from '../../core/people';

interface Props {
  id: string;
  label: string;
  speakers: readonly Speaker[];
  value: string | undefined;
  onChange(speakerId: string | undefined): void;
  /** What "no speaker" is called here; by default "No one in particular". */
  none?: string;
}

/** Picks one of the recording's speakers, or none. */
export function SpeakerSelect({ id, label, speakers, value, onChange, none = t('panel_noOneInParticular') }: Props) {
  return (
    <span class="speaker-select">
      <label for={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.currentTarget.value || undefined)}>
        <option value="">{none}</option>
        {speakers.map((speaker) => (
          <option key={speaker.id} value={speaker.id}>
            {speakerDisplayName(speaker)}
          </option>
        ))}
        {value && !speakers.some((s) => s.id === value) && <option value={value}>{formerSpeaker()}</option>}
      </select>
    </span>
  );
}
