#!/usr/bin/env node
/*
 * wilayah-gen.js: write config/wilayah-desa.txt, the kecamatan and
 * desa/kelurahan of Nusa Tenggara Timur with their Kemendagri codes, from
 * the npm package idn-area-data (data under the Open Database License,
 * code under MIT).  aduand reads the result; it never needs node.
 *
 *   mkdir /tmp/idn && cd /tmp/idn && npm install idn-area-data
 *   node scripts/wilayah-gen.js /tmp/idn/node_modules/idn-area-data \
 *       config/wilayah.txt > config/wilayah-desa.txt
 *
 * The kabupaten/kota themselves stay in the hand-written wilayah.txt under
 * their BPS codes; every kecamatan line names its kabupaten by that code,
 * found by the official name (Kemendagri 53.01 "Kabupaten Kupang" is 5303
 * there).  A regency whose name wilayah.txt does not list stops the script.
 */
'use strict';

const fs = require('fs');
const path = require('path');

const PROVINCE = '53';   /* Nusa Tenggara Timur */

function usage() {
  process.stderr.write('usage: node wilayah-gen.js PACKAGE_DIR WILAYAH_TXT' +
                       ' > wilayah-desa.txt\n');
  process.exit(2);
}

/* Official name -> BPS code of the 22 lines of wilayah.txt. */
function readKabupaten(file) {
  const byName = new Map();
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    const f = line.split('|').map((s) => s.trim());
    if (f.length >= 2 && /^[0-9][0-9.]*$/.test(f[0]))
      byName.set(f[1].toLowerCase(), f[0]);
  }
  return byName;
}

/* The package writes an apostrophe inside a name as a doubled quote. */
function cleanName(s) {
  return s.replace(/"/g, "'").replace(/\s+/g, ' ').trim();
}

/* A village code's fourth part is 1xxx for a kelurahan, 2xxx for a desa
 * (Permendagri numbering): the kind word tells namesakes apart. */
function villageName(v) {
  const kind = v.code.split('.')[3].startsWith('1') ? 'Kelurahan' : 'Desa';
  return `${kind} ${cleanName(v.name)}`;
}

async function main() {
  const [pkgDir, wilayah] = process.argv.slice(2);
  if (!pkgDir || !wilayah)
    usage();
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'),
                                         'utf8'));
  const idn = require(path.resolve(pkgDir));
  const kab = readKabupaten(wilayah);
  const regencies = (await idn.getRegencies())
    .filter((r) => r.province_code === PROVINCE);
  const districts = (await idn.getDistricts())
    .filter((d) => d.code.startsWith(PROVINCE + '.'));
  const villages = (await idn.getVillages())
    .filter((v) => v.code.startsWith(PROVINCE + '.'));

  const bps = new Map();
  for (const r of regencies) {
    const code = kab.get(r.name.toLowerCase());
    if (code === undefined)
      throw new Error(`${r.code} ${r.name}: not an official name in ${wilayah}`);
    bps.set(r.code, code);
  }
  const byDistrict = new Map();
  for (const v of villages) {
    if (!byDistrict.has(v.district_code))
      byDistrict.set(v.district_code, []);
    byDistrict.get(v.district_code).push(v);
  }

  const out = [];
  out.push(
    '# wilayah-desa.txt: GENERATED, do not edit.  The kecamatan and',
    '# desa/kelurahan of Nusa Tenggara Timur with their Kemendagri codes.',
    `# Source: the npm package ${pkg.name} ${pkg.version}`,
    '# (https://github.com/fityannugroho/idn-area-data), data under the Open',
    '# Database License (ODbL) 1.0, code under the MIT licence.',
    '# Regenerate with scripts/wilayah-gen.js (see its head for the commands);',
    '# put aliases, landmarks and not-a-typo words in wilayah.txt, which',
    '# includes this file.',
    '#',
    '# Format (see wilayah.txt): CODE | Name | | IN, where IN is the code of',
    '# the kabupaten/kota (BPS code, from wilayah.txt) for a kecamatan, and of',
    '# the kecamatan for a desa/kelurahan.',
    `# ${districts.length} kecamatan, ${villages.length} desa/kelurahan.`);
  let reg = '';
  for (const d of districts.sort((a, b) => a.code.localeCompare(b.code))) {
    if (d.regency_code !== reg) {
      reg = d.regency_code;
      const r = regencies.find((x) => x.code === reg);
      out.push('', `# ${r.name} (Kemendagri ${reg})`);
    }
    out.push(`${d.code} | Kecamatan ${cleanName(d.name)} | | ` +
             bps.get(d.regency_code));
    for (const v of (byDistrict.get(d.code) || [])
      .sort((a, b) => a.code.localeCompare(b.code)))
      out.push(`${v.code} | ${villageName(v)} | | ${d.code}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`wilayah-gen: ${e.message}\n`);
  process.exit(1);
});
