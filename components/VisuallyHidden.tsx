// Text for screen readers only (a badge's "Verdict:" prefix): read aloud, not shown.
import type { ComponentChildren } from 'preact';

export function VisuallyHidden({ children }: { children: ComponentChildren }) {
  return <span class="visually-hidden">{children}</span>;
}
