import { render } from 'preact';
function App() { return <p>Evidence Lens</p>; }
render(<App />, document.getElementById('app')!);
