/** 経歴の見える化: the server state of /placement/careers (shapes in domain/placement/careers-api.ts). */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, withQuery } from '../../app/api-client.js';
import type { CareerUnitList, CityCareerView, UnitCareerView } from '../../../domain/placement/careers-api.js';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

export const careersKeys = {
  units: (asOf: string) => ['placement', 'careers', 'units', asOf] as const,
  unit: (id: number, asOf: string, years: number, includeSubunits: boolean) => ['placement', 'careers', 'unit', id, asOf, years, includeSubunits] as const,
  city: (asOf: string) => ['placement', 'careers', 'city', asOf] as const,
};

export function useCareerUnits(asOf: string) {
  return useQuery({
    queryKey: careersKeys.units(asOf),
    queryFn: ({ signal }) => api.get<CareerUnitList>(withQuery('/api/placement/careers/units', { asOf }), { signal }),
    enabled: isDate(asOf),
    placeholderData: keepPreviousData,
  });
}

export function useUnitCareers(id: number, asOf: string, years: number, includeSubunits: boolean) {
  return useQuery({
    queryKey: careersKeys.unit(id, asOf, years, includeSubunits),
    queryFn: ({ signal }) =>
      api.get<UnitCareerView>(withQuery(`/api/placement/careers/units/${id}`, { asOf, years, includeSubunits: String(includeSubunits) }), { signal }),
    enabled: id > 0 && isDate(asOf),
    placeholderData: keepPreviousData,
  });
}

export function useCityCareers(asOf: string, enabled: boolean) {
  return useQuery({
    queryKey: careersKeys.city(asOf),
    queryFn: ({ signal }) => api.get<CityCareerView>(withQuery('/api/placement/careers/city', { asOf }), { signal }),
    enabled: enabled && isDate(asOf),
    placeholderData: keepPreviousData,
  });
}
