import { canonicalJson, type JsonValue } from './canonical-json';

describe('canonicalJson', () => {
  it('sorts keys and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 0, y: -1.5 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"y":-1.5,"z":0}}');
  });

  it('does not depend on key order, also in nested objects and arrays of objects', () => {
    const one = { outer: { a: 1, b: { c: 2, d: 3 } }, list: [{ x: 1, y: 2 }], s: 'v' };
    const two = { s: 'v', list: [{ y: 2, x: 1 }], outer: { b: { d: 3, c: 2 }, a: 1 } };
    expect(canonicalJson(two)).toBe(canonicalJson(one));
  });

  it.each<[JsonValue, JsonValue]>([
    [{ a: 1 }, { a: 2 }],
    [{ a: 1 }, { a: '1' }],
    [{ a: null }, {}],
    [{ a: [1, 2] }, { a: [2, 1] }],
    [{ a: { b: 'x' } }, { a: { b: 'X' } }],
    [{ a: true }, { a: false }],
    [{ a: 1 }, { b: 1 }],
    ['a"b', 'a\\"b'],
  ])('tells %j from %j', (one, two) => {
    expect(canonicalJson(one)).not.toBe(canonicalJson(two));
  });

  it('escapes strings as JSON does, keys included', () => {
    expect(canonicalJson({ 'k"\n': 'ä\u0001"' })).toBe('{"k\\"\\n":"ä\\u0001\\""}');
  });

  it('sorts by code unit, not by locale', () => {
    expect(canonicalJson({ b: 1, B: 2, ä: 3, a: 4 })).toBe('{"B":2,"a":4,"b":1,"ä":3}');
  });

  it('leaves out undefined members as a JSON round trip would', () => {
    const withUndefined = JSON.parse('{"a":1}') as Record<string, JsonValue>;
    Object.assign(withUndefined, { b: undefined });
    expect(canonicalJson(withUndefined)).toBe('{"a":1}');
  });

  it('survives a JSON round trip unchanged', () => {
    const value: JsonValue = { n: 0.1, big: 1e21, neg: -0, text: 'Grüße 🎫', nested: [{ b: [], a: {} }] };
    expect(canonicalJson(JSON.parse(JSON.stringify(value)) as JsonValue)).toBe(canonicalJson(value));
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson([Number.POSITIVE_INFINITY])).toThrow('cannot represent');
  });
});
