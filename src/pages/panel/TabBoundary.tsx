import { Component, type ComponentChildren } from 'preact';
import { errorText } from '../../core/error-text';
import { t } from '../../core/i18n';

interface Props {
  /** What the boundary holds, as the message names it (`panel_boundary…`): "The Summary tab", "The note box". */
  what: string;
  children: ComponentChildren;
}

/** `failure` wraps the error: anything can be thrown, null and undefined included. */
interface State {
  failure: { error: unknown } | null;
}

/**
 * Keeps a render error inside one panel tab: the tab shows what failed and a way to try again,
 * and the other tabs (and the composer, with what is being typed) stay. Without it, preact
 * unmounts the whole panel on an uncaught render error and leaves it blank until a reload.
 * Errors in event handlers and promises are not render errors; the forms report those themselves.
 */
export class TabBoundary extends Component<Props, State> {
  override state: State = { failure: null };

  static override getDerivedStateFromError(error: unknown): State {
    return { failure: { error } };
  }

  override componentDidCatch(error: unknown) {
    // Kept for the extension's console: the message in the tab is short.
    console.error(`${this.props.what} could not be shown:`, error);
  }

  override render() {
    const { failure } = this.state;
    if (failure === null) return this.props.children;
    return (
      <div class="banner error" role="alert">
        <p>
          {t('panel_tabFailed', this.props.what, errorText(failure.error))}
        </p>
        <button type="button" onClick={() => this.setState({ failure: null })}>
          {t('panel_tryAgain')}
        </button>
      </div>
    );
  }
}
