import type { BackupInfo } from '../../../shared/host-api';
import type { Codebook } from '../../../shared/model/codebook';
import type { CorpusSession } from '../../session/corpus-session';
import { exportFromDatabase } from '../export';

/**
 * A snapshot of the corpus's work as native JSON, handed to the host's backup folder. It keeps the
 * claims exactly as stored (each with the hash of the text it was made on), files unchecked.
 */
export async function writeBackup(session: CorpusSession, codebook: Codebook): Promise<BackupInfo> {
  const { request } = await exportFromDatabase(
    session,
    codebook,
    { format: 'native', scope: 'corpus', includeTexts: false, annotator: session.annotator, documentIds: [] },
    { checkFiles: false },
  );
  return session.host.writeBackup(request.content);
}
