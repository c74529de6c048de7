// "Save for later" on a summary: keeps it in the reader's saved list (the popup's first page, "Saved"). The button
// names what it will do; the line beside it says what the reader's click did, and any refusal in the background's
// words. Until the list is read the row keeps its place, unseen, so the summary below it does not move.
export interface SaveControl {
  /** Whether the summary is saved; undefined until the list is read. */
  saved?: boolean;
  /** What the reader's last click did, in a sentence (a status: said, not focused). */
  said?: string;
  /** The last change the background refused (a full list), in one sentence. */
  error?: string;
  onToggle(): void;
}

export function SaveButton({ saved, said, error, onToggle }: SaveControl) {
  const known = saved !== undefined;
  return (
    <p class={known ? 'save-row' : 'save-row unknown'} data-testid="save-row">
      <button type="button" class={saved ? 'save saved' : 'save'} onClick={onToggle} data-testid="save-summary" disabled={!known} aria-hidden={known ? undefined : 'true'}>
        <span aria-hidden="true">{saved ? '★ ' : '☆ '}</span>
        {saved ? 'Remove from saved' : 'Save for later'}
      </button>{' '}
      <span role="status" class="meta" data-testid="save-state">
        {said ?? ''}
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
