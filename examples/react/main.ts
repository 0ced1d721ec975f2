// A tiny React 19 app showing Dr Weber Marie's documents through @dsp-kit/react, and which one
// he chose (plain createElement: the example needs no JSX transform).
import { staticTokenProvider } from '@dsp-kit/auth';
import { DspClient } from '@dsp-kit/fhir';
import { DspDocumentViewer, DspProvider } from '@dsp-kit/react';
import { createElement as h, StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

const fhir = new URLSearchParams(location.search).get('fhir') ?? 'http://127.0.0.1:8787/fhir';
// Made once, outside React: a new client on each render would make the panels load again.
const client = new DspClient({ baseUrl: fhir, tokens: staticTokenProvider('mock:paul-weber') });

function App() {
  const [selected, setSelected] = useState<string>();
  const [error, setError] = useState<string>();
  return h(
    'main',
    null,
    h('h1', null, 'Dossier de Marie Schmit'),
    h('p', null, 'Document choisi : ', h('output', { id: 'selected' }, selected ?? 'aucun')),
    error && h('p', { role: 'alert' }, `Erreur : ${error}`),
    h(
      DspProvider,
      { client },
      h(DspDocumentViewer, {
        patient: 'marie-schmit',
        lang: 'fr',
        onDocumentSelect: (event) => setSelected(event.detail.documentId),
        onError: (event) => setError(event.detail.kind),
      }),
    ),
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(h(StrictMode, null, h(App)));
