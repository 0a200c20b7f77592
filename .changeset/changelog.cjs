// Changelog lines with links: each entry links to the commit that added its changeset, each
// dependency update names the commits behind it. Needs no network and no token (unlike
// @changesets/changelog-github), so `npm run version-packages` works offline.
'use strict';

const defaultRepo = 'bangkom/bangkom';
const commitLink = (repo, sha) => `[\`${sha.slice(0, 7)}\`](https://github.com/${repo}/commit/${sha})`;

async function getReleaseLine(changeset, _type, options) {
  const repo = options?.repo ?? defaultRepo;
  const [first, ...rest] = changeset.summary.split('\n').map((line) => line.trimEnd());
  const lead = changeset.commit ? `${commitLink(repo, changeset.commit)} ` : '';
  return [`- ${lead}${first}`, ...rest.map((line) => `  ${line}`)].join('\n');
}

async function getDependencyReleaseLine(changesets, dependenciesUpdated, options) {
  if (dependenciesUpdated.length === 0) return '';
  const repo = options?.repo ?? defaultRepo;
  const commits = changesets.filter((c) => c.commit).map((c) => commitLink(repo, c.commit));
  return [
    `- Updated dependencies${commits.length > 0 ? ` ${commits.join(', ')}` : ''}`,
    ...dependenciesUpdated.map((d) => `  - ${d.name}@${d.newVersion}`),
  ].join('\n');
}

module.exports = { getReleaseLine, getDependencyReleaseLine };
