// "Save for later" on a summary: keeps it in the reader's saved list (the popup's first page, "Saved"). The button
// names what it will do; the line beside it says what is so, and any refusal in the background's words.
export interface SaveControl {
  saved: boolean;
  /** The last change the background refused (a full list), in one sentence. */
  error?: string;
  onToggle(): void;
}

export function SaveButton({ saved, error, onToggle }: SaveControl) {
  return (
    <p class="save-row" data-testid="save-row">
      <button type="button" class={saved ? 'save saved' : 'save'} onClick={onToggle} data-testid="save-summary">
        <span aria-hidden="true">{saved ? '★ ' : '☆ '}</span>
        {saved ? 'Remove from saved' : 'Save for later'}
      </button>{' '}
      <span role="status" class="meta" data-testid="save-state">
        {saved ? 'Saved: it is listed under “Saved” on the popup’s first page.' : ''}
      </span>
      {error && (
        <span role="alert" class="save-error">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}
