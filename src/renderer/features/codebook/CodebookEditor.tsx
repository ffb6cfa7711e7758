import { useEffect, useState } from 'react';
import {
  type CodebookChange,
  editCodebook,
  nextFreeHotkey,
  settleNewIds,
  tagsInTreeOrder,
} from '../../../shared/codebooks/edit';
import type { AttributeValue, Codebook, Tag } from '../../../shared/model/codebook';
import { WithNames } from '../../i18n/WithNames';
import { useCodebookMessages } from './messages';

interface Props {
  codebook: Codebook;
  onSave(codebook: Codebook): Promise<void>;
  onCancel(): void;
}

const ATTRIBUTES = ['stance', 'confidence'] as const;

/**
 * Edits a draft of the codebook; every change is checked as it is made (a hotkey another tag has
 * is refused, with the tag named), and saving stores the draft as the next version.
 */
export function CodebookEditor({ codebook, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState(codebook);
  const [refusal, setRefusal] = useState<string>();
  const [saving, setSaving] = useState(false);
  const m = useCodebookMessages();

  const apply = (change: CodebookChange) => {
    const result = editCodebook(draft, change);
    if (result.ok) {
      setDraft({ ...result.value, version: codebook.version });
      setRefusal(undefined);
    } else setRefusal(result.error);
  };
  const updateTag = (tagId: string, patch: Partial<Omit<Tag, 'id'>>) => apply({ kind: 'update-tag', tagId, patch });
  const changed = JSON.stringify(draft) !== JSON.stringify(codebook);

  return (
    <form
      className="codebook-editor"
      aria-labelledby="codebook-editor-title"
      onSubmit={(event) => {
        event.preventDefault();
        setSaving(true);
        onSave({ ...settleNewIds(draft, codebook), version: codebook.version + 1 }).catch((error: unknown) => {
          setRefusal(error instanceof Error ? error.message : String(error));
          setSaving(false);
        });
      }}
    >
      <h2 id="codebook-editor-title">
        {m.editTitle} <span className="muted">{m.versionChange(codebook.version, codebook.version + 1)}</span>
      </h2>
      <label className="codebook-field">
        {m.name}
        <CommitInput label={m.name} value={draft.name} onCommit={(name) => apply({ kind: 'rename-codebook', name })} />
      </label>
      {refusal && (
        <p role="alert" className="error">
          {refusal}
        </p>
      )}
      {draft.groups.map((group) => (
        <fieldset key={group.id} className="codebook-group">
          <legend>
            <label className="codebook-field">
              {m.groupName}
              <CommitInput
                label={m.groupName}
                value={group.label}
                onCommit={(label) => apply({ kind: 'rename-group', groupId: group.id, label })}
              />
            </label>
          </legend>
          <table className="codebook-tags">
            <colgroup>
              <col className="colour-column" />
              <col className="key-column" />
              <col />
              <col className="parent-column" />
              <col className="description-column" />
              <col className="remove-column" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{m.colour}</th>
                <th scope="col">{m.key}</th>
                <th scope="col">{m.label}</th>
                <th scope="col">{m.parent}</th>
                <th scope="col">{m.description}</th>
                <th scope="col">
                  <span className="visually-hidden">{m.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tagsInTreeOrder(draft)
                .filter(({ tag }) => tag.group === group.id)
                .map(({ tag, depth }) => (
                  <tr key={tag.id}>
                    <td>
                      <input
                        type="color"
                        aria-label={m.colourOf(tag.label)}
                        value={tag.colour}
                        onChange={(event) => updateTag(tag.id, { colour: event.target.value })}
                      />
                    </td>
                    <td>
                      <input
                        className="hotkey-input"
                        aria-label={m.keyOf(tag.label)}
                        value={tag.hotkey ?? ''}
                        maxLength={1}
                        onChange={(event) => updateTag(tag.id, { hotkey: event.target.value.toLowerCase() })}
                      />
                    </td>
                    <td style={{ paddingLeft: `${depth * 1.25}rem` }}>
                      <CommitInput
                        label={m.labelOf(tag.label)}
                        value={tag.label}
                        onCommit={(label) => updateTag(tag.id, { label })}
                      />
                    </td>
                    <td>
                      <select
                        aria-label={m.parentOf(tag.label)}
                        value={tag.parent ?? ''}
                        onChange={(event) => updateTag(tag.id, { parent: event.target.value || undefined })}
                      >
                        <option value="">{m.none}</option>
                        {draft.tags
                          .filter((other) => other.id !== tag.id)
                          .map((other) => (
                            <option key={other.id} value={other.id}>
                              {other.label}
                            </option>
                          ))}
                      </select>
                      {draft.groups.length > 1 && (
                        <select
                          aria-label={m.groupOf(tag.label)}
                          value={tag.group}
                          onChange={(event) => updateTag(tag.id, { group: event.target.value })}
                        >
                          {draft.groups.map((g) => (
                            <option key={g.id} value={g.id}>
                              {g.label}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    <td>
                      <CommitInput
                        label={m.descriptionOf(tag.label)}
                        value={tag.description}
                        multiline
                        allowEmpty
                        onCommit={(description) => updateTag(tag.id, { description })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="link danger"
                        aria-label={m.remove(tag.label)}
                        title={m.remove(tag.label)}
                        onClick={() => apply({ kind: 'remove-tag', tagId: tag.id })}
                      >
                        {m.removeShort}
                      </button>
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
          <div className="actions">
            <button
              type="button"
              onClick={() => {
                // With every key taken, the tag is added without one: it is chosen from the tag menu.
                const hotkey = nextFreeHotkey(draft);
                apply({
                  kind: 'add-tag',
                  tag: {
                    label: m.newTag,
                    colour: '#7f8c8d',
                    ...(hotkey ? { hotkey } : {}),
                    description: '',
                    group: group.id,
                  },
                });
              }}
            >
              <WithNames text={m.addTag(group.label)} names={[group.label]} />
            </button>
            <button type="button" onClick={() => apply({ kind: 'remove-group', groupId: group.id })}>
              <WithNames text={m.removeGroup(group.label)} names={[group.label]} />
            </button>
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" onClick={() => apply({ kind: 'add-group', label: m.newGroup })}>
          {m.addGroup}
        </button>
      </div>
      {ATTRIBUTES.map((attribute) => (
        <fieldset key={attribute} className="codebook-attribute">
          <legend>{m.values(m[attribute])}</legend>
          <AttributeValues
            name={m[attribute]}
            values={draft.attributes[attribute]}
            onChange={(values) => apply({ kind: 'set-attribute-values', attribute, values })}
          />
        </fieldset>
      ))}
      <div className="actions">
        <span className="spacer" />
        <button type="button" onClick={onCancel}>
          {m.cancel}
        </button>
        <button type="submit" className="primary" disabled={!changed || saving}>
          {m.saveAs(codebook.version + 1)}
        </button>
      </div>
    </form>
  );
}

function AttributeValues({
  name,
  values,
  onChange,
}: {
  name: string;
  values: readonly AttributeValue[];
  onChange(values: AttributeValue[]): void;
}) {
  const [adding, setAdding] = useState('');
  const m = useCodebookMessages();
  const id = adding
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (
    <>
      <ul className="attribute-values">
        {values.map((value, i) => (
          <li key={value.id}>
            <CommitInput
              label={m.valueOf(name, value.id)}
              value={value.label}
              onCommit={(label) => onChange(values.map((v, j) => (j === i ? { ...v, label } : v)))}
            />
            <code>{value.id}</code>
            <button type="button" className="link danger" onClick={() => onChange(values.filter((_, j) => j !== i))}>
              <WithNames text={m.remove(value.label)} names={[value.label]} />
            </button>
          </li>
        ))}
      </ul>
      <label>
        {m.newValue(name)} <input value={adding} onChange={(event) => setAdding(event.target.value)} />
      </label>
      <button
        type="button"
        disabled={!id}
        onClick={() => {
          onChange([...values, { id, label: adding.trim() }]);
          setAdding('');
        }}
      >
        {m.add}
      </button>
    </>
  );
}

interface CommitInputProps {
  label: string;
  value: string;
  onCommit(value: string): void;
  multiline?: boolean;
  allowEmpty?: boolean;
}

/** A text field that commits when left or on Enter, so that a half-typed label is never checked. */
function CommitInput({ label, value, onCommit, multiline = false, allowEmpty = false }: CommitInputProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    const next = text.trim();
    if (next === value) return;
    if (!next && !allowEmpty) setText(value);
    else onCommit(next);
  };
  const common = {
    'aria-label': label,
    // What is typed here is the codebook's own text, in whatever language it was written.
    translate: 'no' as const,
    value: text,
    onBlur: commit,
  };
  return multiline ? (
    <textarea rows={2} {...common} onChange={(event) => setText(event.target.value)} />
  ) : (
    <input
      {...common}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit();
        }
      }}
    />
  );
}
