import type { Tx } from './create-db';
import type { Person } from './generated/client';
import { lockPerson } from './lock-person';
import { NotFoundError } from './not-found-error';

export type UpdatePersonTagsInput = {
  /** Tags to add (kept in the order given, after the person's existing tags). */
  add?: readonly string[];
  /** Tags to remove (absent ones are ignored). */
  remove?: readonly string[];
};

/**
 * Adds and removes profile tags of person `personId` (removals win over additions of
 * the same tag). Tags are kept once each, matched exactly. The person row is locked for
 * the rest of the transaction, so concurrent updates never lose tags.
 * Throws NotFoundError when there is no such person.
 */
export async function updatePersonTags(tx: Tx, personId: string, input: UpdatePersonTagsInput): Promise<Person> {
  const person = await lockPerson(tx, personId);
  if (person === null) throw new NotFoundError('Person', personId);
  const removed = new Set(input.remove ?? []);
  const tags = [...new Set([...person.tags, ...(input.add ?? [])])].filter((tag) => !removed.has(tag));
  if (tags.length === person.tags.length && tags.every((tag, index) => tag === person.tags[index])) return person;
  return tx.person.update({ where: { id: personId }, data: { tags } });
}
