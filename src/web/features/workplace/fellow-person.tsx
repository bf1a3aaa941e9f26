/** A junior or a fellow as the fellow pages name them: the name, then (smaller) employee number and unit. */
import type { PersonBrief } from '../../../domain/workplace/fellow-api.js';

export function FellowPerson({ person, withNumber = true }: { person: PersonBrief; withNumber?: boolean }) {
  return (
    <>
      {person.name}
      <span className="fellow-description">{withNumber ? `${person.employeeNumber} ${person.unitName ?? ''}` : (person.unitName ?? '')}</span>
    </>
  );
}
