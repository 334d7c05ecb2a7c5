import { getDocument } from '../entities/document.js';
import { renderDocument } from '../documents/render.js';
import { NotFoundError } from '../shared/errors.js';
import type { PersonalAccess } from './personal-link.js';

// Apart from the rest of the person's page so only GET /me/documents/{id} bundles the PDF renderer and fonts.

/** A released person's document, rendered from its snapshot like the holder's download. */
export async function personDocument(access: PersonalAccess, documentId: string) {
  const document = await getDocument(documentId);
  if (!document || document.stayId !== access.stay.stayId || document.anonymizedAt !== undefined || document.state !== 'valid') throw new NotFoundError('Not found.');
  return { pdf: await renderDocument(document.snapshot), document };
}
