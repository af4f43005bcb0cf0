import type { ComponentChildren } from 'preact';

/** A form that saves on submit (Enter, or its submit button) and cancels on Escape. */
export function EditForm({ class: className, onSave, onCancel, children }: { class: string; onSave(): void; onCancel(): void; children: ComponentChildren }) {
  return (
    <form
      class={className}
      onSubmit={(event) => {
        event.preventDefault();
        onSave();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      {children}
    </form>
  );
}
