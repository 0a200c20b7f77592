import type { PublicSchema } from '@bangkom/domain';
import { domainSchemas } from '@bangkom/domain';
import { eventsSchemas } from '@bangkom/events';
import { idpSchemas } from '@bangkom/idp';
import { ipasnInputSchemas, ipasnProfileSchemas } from '@bangkom/ipasn';
import { computeSchemas, jpSchemas } from '@bangkom/jp';
import { myasnSchemas } from '@bangkom/myasn';
import { tubelSchemas } from '@bangkom/tubel';

/**
 * Every public type published in `schemas/`, by package. A package that adds a public
 * type exports its own `PublicSchema[]` and is listed here once.
 */
export const registry: { package: string; schemas: PublicSchema[] }[] = [
  { package: '@bangkom/domain', schemas: domainSchemas },
  { package: '@bangkom/jp', schemas: [...jpSchemas, ...computeSchemas] },
  { package: '@bangkom/idp', schemas: idpSchemas },
  { package: '@bangkom/tubel', schemas: tubelSchemas },
  { package: '@bangkom/ipasn', schemas: [...ipasnProfileSchemas, ...ipasnInputSchemas] },
  { package: '@bangkom/myasn', schemas: myasnSchemas },
  { package: '@bangkom/events', schemas: eventsSchemas },
];
