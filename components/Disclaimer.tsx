// Said wherever an answer is shown.
export function Disclaimer() {
  return (
    <p class="disclaimer" data-testid="disclaimer">
      For education and reading support only: not medical advice, and not a substitute for clinical judgement.
    </p>
  );
}
