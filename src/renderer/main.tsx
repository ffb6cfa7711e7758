import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { AppDataContext } from './db/app-data';
import { WorkbenchDatabase } from './db/database';
import { SaveTracker } from './db/save-tracker';
import { HostContext } from './host/HostContext';
import { connectHost } from './host/host-client';
import { LanguageProvider } from './i18n/language';
import { KeyboardProvider } from './keyboard/KeyboardProvider';
import { NoticesProvider } from './notices';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

// The window's database and save tracker: made here, once, and handed down.
const data = { db: new WorkbenchDatabase(), saves: new SaveTracker() };

createRoot(container).render(
  <StrictMode>
    <AppDataContext.Provider value={data}>
      <HostContext.Provider value={connectHost()}>
        <LanguageProvider>
          <KeyboardProvider>
            <NoticesProvider>
              <App />
            </NoticesProvider>
          </KeyboardProvider>
        </LanguageProvider>
      </HostContext.Provider>
    </AppDataContext.Provider>
  </StrictMode>,
);
