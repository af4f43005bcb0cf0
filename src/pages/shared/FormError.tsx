/** Why a form was not saved, announced to screen readers as it appears. */
export function FormError({ message }: { message: string | null }) {
  return message ? (
    <p class="error" role="alert">
      {message}
    </p>
  ) : null;
}
