import '../cleanup';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { expect, test, vi } from 'vitest';
import { AboutSection } from '../../../../components/settings/AboutSection';
import { DatasetSection, type DatasetSectionProps } from '../../../../components/settings/DatasetSection';
import { HighlightingSection } from '../../../../components/settings/HighlightingSection';
import { ReadingSection } from '../../../../components/settings/ReadingSection';
import { DEFAULT_PREFERENCES } from '../../../../lib/settings/preferences';
import type { DatasetMeta } from '../../../../lib/dataset/types';

const meta: DatasetMeta = {
  version: '2026.11.25',
  created: '2026-11-25',
  counts: { concepts: 30679, surfaceForms: 43034, researchSummaries: 1000, consumerSummaries: 5483 },
  sources: [],
  origin: 'bundled',
  installedAt: '2026-11-25T10:00:00Z',
};
const handlers = () => ({
  onUrlInput: vi.fn(), onUrlSave: vi.fn(), onSchedule: vi.fn(), onSync: vi.fn(), onFiles: vi.fn(), onRestore: vi.fn(), onCancel: vi.fn(),
});
const dataset = (props: Partial<DatasetSectionProps>) =>
  render(<DatasetSection status={{ installed: meta }} lastSync={null} settings={{ url: '', schedule: 'off' }} urlDraft="" {...handlers()} {...props} />);

test('while an update runs: a progress bar with bytes and records, and Cancel; the actions wait', () => {
  const onCancel = vi.fn();
  dataset({
    status: { installed: meta, importing: { version: 'v2', origin: 'https://x.org/m.json', filesDone: 3, filesTotal: 30, records: 1200, recordsTotal: 36000, bytes: 2_500_000, bytesTotal: 4_000_000, filesReused: 25 } },
    urlDraft: 'https://x.org/m.json',
    onCancel,
  });
  const bar = screen.getByRole('progressbar', { name: 'Installing dataset v2' });
  expect(bar.getAttribute('aria-valuenow')).toBe('1200');
  expect(bar.getAttribute('aria-valuemax')).toBe('36000');
  expect(bar.getAttribute('aria-valuetext')).toBe('2.5 MB of 4.0 MB downloaded, 1,200 of 36,000 records, 25 unchanged files kept');
  expect((screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: 'Restore bundled dataset' }) as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
  expect(onCancel).toHaveBeenCalled();
});

test('reading picked files: the bar shows how much of them is read, not a full bar from the start', () => {
  dataset({ work: { action: 'file', staging: { read: 1_000_000, total: 4_000_000, files: 3 } } });
  const bar = screen.getByRole('progressbar', { name: 'Reading the picked files' });
  expect(bar.getAttribute('aria-valuenow')).toBe('1000000');
  expect(bar.getAttribute('aria-valuemax')).toBe('4000000');
  expect(bar.getAttribute('aria-valuetext')).toBe('1.0 MB of 4.0 MB read, 3 files');
  expect((bar.firstElementChild as HTMLElement).style.width).toBe('25.0%');
});

test('a failure: one sentence as an alert, and which dataset is still in use', () => {
  dataset({ message: { kind: 'error', text: 'The download of summaries-0003.jsonl failed: the server answered HTTP 404.' } });
  expect(screen.getByRole('alert').textContent).toBe('The download of summaries-0003.jsonl failed: the server answered HTTP 404.');
  expect(screen.getByTestId('still-in-use').textContent).toBe('The dataset in use is still version 2026.11.25.');
  expect(screen.queryByRole('progressbar')).toBeNull();
  expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
});

test('storage unavailable: Sync now, Import and Restore are off, and say why', () => {
  const reason = "Your browser's storage is unavailable here (private browsing, or the browser blocked it), so the evidence is held in memory for this session and stored again when storage works.";
  const onSync = vi.fn();
  dataset({ status: { installed: meta, storage: { kind: 'memory', reason } }, urlDraft: 'https://x.org/m.json', onSync });
  const why = screen.getByTestId('dataset-no-storage').textContent;
  expect(why).toMatch(/^Updating is off while the browser's storage cannot be used/);
  const controls = [screen.getByRole('button', { name: 'Sync now' }), screen.getByTestId('import-file'), screen.getByRole('button', { name: 'Restore bundled dataset' })] as HTMLInputElement[];
  for (const control of controls) {
    expect(control.disabled).toBe(true);
    expect(document.getElementById(control.getAttribute('aria-describedby')!)!.textContent).toBe(why);
  }
  // Enter in the URL field asks for nothing either.
  fireEvent.submit(screen.getByLabelText('Dataset URL').closest('form')!);
  expect(onSync).not.toHaveBeenCalled();
});

test('a cancelled update is said as a calm status, not as an error', () => {
  dataset({ message: { kind: 'cancelled', text: 'The update was cancelled, so nothing was changed.' } });
  const said = screen.getByRole('status');
  expect(said.textContent).toBe('The update was cancelled, so nothing was changed.');
  expect(said.className).toBe('muted');
  expect(screen.queryByRole('alert')).toBeNull();
  expect(screen.queryByTestId('still-in-use')).toBeNull();
});

test("the dataset's size as published, apart from the storage the browser counts for the extension", () => {
  dataset({ status: { installed: { ...meta, bytes: 28_650_000 } }, usage: { usage: 81_800_000, quota: 1e10 } });
  expect(screen.getByTestId('dataset-size').textContent).toBe('28.7 MB of data files');
  expect(screen.getByTestId('space-used').textContent).toBe('81.8 MB by the extension, of 10,000.0 MB the browser allows (space an update frees is returned over time)');
  cleanup();
  // A dataset installed before its size was recorded shows none rather than a wrong one.
  dataset({});
  expect(screen.queryByTestId('dataset-size')).toBeNull();
});

test('the last sync and the space used are shown', () => {
  dataset({
    usage: { usage: 31_400_000, quota: 1e10 },
    lastSync: { kind: 'url', source: 'https://x.org/m.json', trigger: 'schedule', at: '2026-11-25T10:00:00Z', result: 'unchanged', message: 'Already up to date: version v2 is installed.' },
  });
  expect(screen.getByTestId('space-used').textContent).toMatch(/^31\.4 MB by the extension, of 10,000\.0 MB/);
  expect(screen.getByTestId('last-sync').textContent).toContain('no change. Already up to date: version v2 is installed.');
});

test('after an action, focus goes back to the control that started it, else to the outcome, not to the page', () => {
  const props = { status: { installed: meta }, lastSync: null, settings: { url: '', schedule: 'off' as const }, urlDraft: 'https://x.org/m.json', ...handlers() };
  const { rerender } = render(<DatasetSection {...props} />);
  const sync = screen.getByRole('button', { name: 'Sync now' });
  sync.focus();
  fireEvent.click(sync);
  expect(props.onSync).toHaveBeenCalled();
  sync.blur(); // what the browser does with a focused control that is disabled
  rerender(<DatasetSection {...props} work={{ action: 'sync' }} />);
  expect((sync as HTMLButtonElement).disabled).toBe(true);
  rerender(<DatasetSection {...props} message={{ kind: 'ok', text: 'Updated to version v2.' }} />);
  expect(document.activeElement).toBe(sync);

  // Cancelled from the Cancel button, which goes away: back to the button that started it.
  const restore = screen.getByRole('button', { name: 'Restore bundled dataset' });
  restore.focus();
  fireEvent.click(restore);
  restore.blur();
  rerender(<DatasetSection {...props} work={{ action: 'restore' }} />);
  screen.getByRole('button', { name: 'Cancel' }).focus();
  rerender(<DatasetSection {...props} message={{ kind: 'cancelled', text: 'The update was cancelled, so nothing was changed.' }} />);
  expect(document.activeElement).toBe(restore);

  // The control still off when it ends (storage became unavailable meanwhile): the outcome takes focus.
  fireEvent.click(restore);
  restore.blur();
  rerender(<DatasetSection {...props} work={{ action: 'restore' }} />);
  rerender(<DatasetSection {...props} status={{ installed: meta, storage: { kind: 'memory', reason: 'No storage.' } }} message={{ kind: 'error', text: 'It failed.' }} />);
  expect(document.activeElement).toBe(screen.getByTestId('dataset-message'));
  expect(document.activeElement?.textContent).toContain('It failed.');
});

test('Sync now submits the URL form', () => {
  const onSync = vi.fn();
  dataset({ urlDraft: 'https://x.org/m.json', onSync });
  fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
  expect(onSync).toHaveBeenCalled();
});

test('highlighting: category checkboxes patch the list in canonical order', () => {
  const onChange = vi.fn();
  render(<HighlightingSection highlight={{ ...DEFAULT_PREFERENCES.highlight, categories: ['drug'] }} pausedSites={['a.org']} onChange={onChange} onAddSite={vi.fn()} onRemoveSite={vi.fn()} />);
  fireEvent.click(screen.getByLabelText('Diseases'));
  expect(onChange).toHaveBeenCalledWith({ categories: ['disease', 'drug'] });
  expect(screen.getByRole('button', { name: 'Remove a.org' })).toBeTruthy();
});

test('paused sites: a refused entry stays to be corrected and is marked; Remove hands focus to the next Remove, then to the field', async () => {
  const onAddSite = vi.fn(async (input: string) => input === 'b.org');
  const props = { highlight: DEFAULT_PREFERENCES.highlight, onChange: vi.fn(), onAddSite, onRemoveSite: vi.fn() };
  const { rerender } = render(<HighlightingSection {...props} pausedSites={['a.org', 'c.org']} />);
  const field = screen.getByLabelText('Pause on') as HTMLInputElement;
  const describedBy = () => field.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent);
  // The field says what a pause covers.
  expect(describedBy()).toEqual([expect.stringContaining('covers its subdomains')]);
  fireEvent.input(field, { target: { value: 'not a site!' } });
  fireEvent.submit(field.form!);
  await waitFor(() => expect(onAddSite).toHaveBeenCalledWith('not a site!'));
  rerender(<HighlightingSection {...props} pausedSites={['a.org', 'c.org']} siteError="No site." />);
  expect(field.value).toBe('not a site!');
  expect(field.getAttribute('aria-invalid')).toBe('true');
  expect(describedBy()).toEqual([expect.stringContaining('covers its subdomains'), 'No site.']);
  fireEvent.input(field, { target: { value: 'b.org' } });
  fireEvent.submit(field.form!);
  await waitFor(() => expect(field.value).toBe(''));
  expect(screen.getByRole('status').textContent).toBe('Highlighting paused on b.org.');

  fireEvent.click(screen.getByRole('button', { name: 'Remove a.org' }));
  rerender(<HighlightingSection {...props} pausedSites={['c.org']} />);
  expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Remove c.org' }));
  fireEvent.click(screen.getByRole('button', { name: 'Remove c.org' }));
  rerender(<HighlightingSection {...props} pausedSites={[]} />);
  expect(document.activeElement).toBe(field);
});

test("about: a synced dataset that lists no sources takes none of the bundled data's credits away", () => {
  const builtIn = [{ name: 'SUBTLEX-US word frequencies', licence: 'CC BY-SA', attribution: 'Brysbaert & New.', url: 'https://example.org/' }];
  render(<AboutSection version="0.1.0" builtIn={builtIn} sources={[]} />);
  expect(screen.getByTestId('sources').textContent).toContain('SUBTLEX-US');
  expect(screen.getByText('The dataset installed by a sync credits no other sources.')).toBeTruthy();
});

test('about: dataset text is shown as text, and only https links become links', () => {
  const { container } = render(
    <AboutSection
      version="0.1.0"
      builtIn={[{ name: 'MeSH', licence: 'NLM terms', attribution: 'NLM.', url: 'https://www.nlm.nih.gov/mesh/' }]}
      sources={[
        { name: 'Good', licence: 'CC0', attribution: '<img src=x onerror=alert(1)>', url: 'https://example.org/' },
        { name: 'Odd', licence: 'MIT', attribution: 'x', url: 'javascript:alert(1)' },
      ]}
    />,
  );
  expect(container.querySelector('img')).toBeNull();
  expect(screen.getByTestId('synced-sources').textContent).toContain('<img src=x onerror=alert(1)>');
  expect([...container.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://www.nlm.nih.gov/mesh/', 'https://example.org/']);
  expect(screen.getByTestId('privacy').textContent).toContain('A dataset sync only downloads');
  expect(screen.getByTestId('own-writing').textContent).toContain('written for Evidence Lens (CC0)');
});

test("about: each bundled source's licence links to its text in the package; a synced source's is only named", () => {
  const builtIn = [
    { name: 'MedQuAD', licence: 'CC BY 4.0', licenceFile: 'medquad/LICENSE', attribution: 'Ben Abacha A.', url: 'https://github.com/abachaa/MedQuAD' },
    { name: 'MeSH', licence: 'NLM terms', attribution: 'NLM.', url: 'https://www.nlm.nih.gov/mesh/' },
  ];
  render(<AboutSection version="0.1.0" builtIn={builtIn} sources={[{ name: 'Theirs', licence: 'CC0', attribution: 'x', url: 'https://example.org/' }]} />);
  const licence = screen.getByRole('link', { name: 'CC BY 4.0' });
  expect(licence.getAttribute('href')).toBe('/dataset/licences/medquad.txt');
  expect(licence.getAttribute('target')).toBe('_blank');
  expect(screen.queryByRole('link', { name: 'NLM terms' })).toBeNull();
  expect(screen.queryByRole('link', { name: 'CC0' })).toBeNull();
  expect(screen.getByTestId('sources').textContent).toContain('CC BY 4.0. Ben Abacha A.');
});

test('hover delay: an emptied field shows the delay still in force, and changes nothing', () => {
  const onChange = vi.fn();
  render(<HighlightingSection highlight={{ ...DEFAULT_PREFERENCES.highlight, openOn: 'hover', hoverDelay: 750 }} pausedSites={[]} onChange={onChange} onAddSite={vi.fn()} onRemoveSite={vi.fn()} />);
  const field = screen.getByLabelText(/Hover delay/) as HTMLInputElement;
  fireEvent.change(field, { target: { value: '' } });
  expect(onChange).not.toHaveBeenCalled();
  expect(field.value).toBe('750');
});

test('an update started in another tab keeps this one from starting a second, and says so', () => {
  dataset({ urlDraft: 'https://x.org/m.json', elsewhere: { source: 'https://y.org/m.json' } });
  expect((screen.getByRole('button', { name: 'Sync now' }) as HTMLButtonElement).disabled).toBe(true);
  expect((screen.getByRole('button', { name: 'Restore bundled dataset' }) as HTMLButtonElement).disabled).toBe(true);
  expect(screen.getByTestId('update-elsewhere').textContent).toBe('Another update is running (of https://y.org/m.json): a new one can start when it ends.');
});

test('Reading: "Recently opened" can be turned off and cleared, and says how many terms it keeps', () => {
  const onRecentTermsChange = vi.fn();
  const onClearRecent = vi.fn();
  const props = { audience: 'clinician' as const, onChange: vi.fn(), onRecentTermsChange, onClearRecent, savedCount: 0, onOpenSaved: vi.fn() };
  const { rerender } = render(<ReadingSection {...props} recentTerms recentCount={3} />);
  const keep = screen.getByRole('checkbox', { name: /Keep the terms I open/ }) as HTMLInputElement;
  expect(keep.checked).toBe(true);
  expect(screen.getByRole('status').textContent).toBe('3 terms kept.');
  fireEvent.click(screen.getByRole('button', { name: 'Clear the list' }));
  expect(onClearRecent).toHaveBeenCalledTimes(1);
  fireEvent.click(keep);
  expect(onRecentTermsChange).toHaveBeenCalledWith(false);
  rerender(<ReadingSection {...props} recentTerms={false} recentCount={0} />);
  expect((screen.getByRole('checkbox', { name: /Keep the terms I open/ }) as HTMLInputElement).checked).toBe(false);
  expect(screen.getByRole('status').textContent).toBe('No terms kept.');
});

test('Reading: how many summaries are saved, and the way to their list', () => {
  const onOpenSaved = vi.fn();
  const props = { audience: 'clinician' as const, onChange: vi.fn(), onRecentTermsChange: vi.fn(), onClearRecent: vi.fn(), recentTerms: true, recentCount: 0, onOpenSaved };
  const { rerender } = render(<ReadingSection {...props} savedCount={0} />);
  expect(screen.getByTestId('saved-count').textContent).toBe('No summaries saved: "Save for later" on a summary keeps it.');
  rerender(<ReadingSection {...props} savedCount={12} />);
  expect(screen.getByTestId('saved-count').textContent).toBe('12 summaries saved, on this device only.');
  fireEvent.click(screen.getByRole('button', { name: 'Open saved summaries' }));
  expect(onOpenSaved).toHaveBeenCalledTimes(1);
});
