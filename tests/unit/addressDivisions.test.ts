/** The delivery address's divisions one level at a time (issue 18: the assisted reissue page asks the function for them). */
import { chinaAddressDivisions } from '../../server/reissue/chinaAddressDivisions';

describe('chinaAddressDivisions.children', () => {
  it('provinces, a province’s cities, a city’s districts, all with 6-digit codes that names() accepts', () => {
    const provinces = chinaAddressDivisions.children();
    expect(provinces).toContainEqual({ code: '460000', name: '海南省' });
    const cities = chinaAddressDivisions.children('460000');
    expect(cities).toContainEqual({ code: '460100', name: '海口市' });
    const districts = chinaAddressDivisions.children('460100');
    expect(districts).toContainEqual({ code: '460108', name: '美兰区' });
    for (const list of [provinces, cities, districts]) for (const d of list) expect(d.code).toMatch(/^\d{6}$/);
    for (const d of districts) expect(chinaAddressDivisions.names('460000', '460100', d.code)).toMatchObject({ district: d.name });
  });

  it('nothing below a district, or for a code that is none', () => {
    expect(chinaAddressDivisions.children('460108')).toEqual([]);
    expect(chinaAddressDivisions.children('990000')).toEqual([]);
    expect(chinaAddressDivisions.children('46')).toEqual([]);
  });
});
