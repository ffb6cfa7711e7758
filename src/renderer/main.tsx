import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { HostContext } from './host/HostContext';
import { connectHost } from './host/host-client';
import { LanguageProvider } from './i18n/language';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <HostContext.Provider value={connectHost()}>
      <LanguageProvider>
        <App />
      </LanguageProvider>
    </HostContext.Provider>
  </StrictMode>,
);
