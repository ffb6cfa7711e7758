import { useState } from 'react';
import { useAppData } from '../../db/app-data';
import { setAnnotatorName } from '../../db/settings';
import { AnnotatorDialog } from './AnnotatorDialog';
import { useAnnotatorMessages } from './messages';

/** The analyst's name in the header; pressing it changes the name put on new claims. */
export function AnnotatorButton({ name }: { name: string }) {
  const data = useAppData();
  const m = useAnnotatorMessages();
  const [changing, setChanging] = useState(false);
  return (
    <>
      <button
        type="button"
        className="annotator"
        translate="no"
        title={m.change(name)}
        aria-label={m.change(name)}
        onClick={() => setChanging(true)}
      >
        {name}
      </button>
      {changing && (
        <AnnotatorDialog
          current={name}
          onCancel={() => setChanging(false)}
          onSave={async (next) => {
            await setAnnotatorName(data, next);
            setChanging(false);
          }}
        />
      )}
    </>
  );
}
