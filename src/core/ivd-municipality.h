#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IVD_TYPE_MUNICIPALITY (ivd_municipality_get_type ())

G_DECLARE_FINAL_TYPE (IvdMunicipality, ivd_municipality, IVD, MUNICIPALITY, GObject)

IvdMunicipality *ivd_municipality_new        (const char      *code,
                                              const char      *name,
                                              const char      *region);
const char      *ivd_municipality_get_code   (IvdMunicipality *self);
const char      *ivd_municipality_get_name   (IvdMunicipality *self);
const char      *ivd_municipality_get_region (IvdMunicipality *self);
const char      *ivd_municipality_get_authority (IvdMunicipality *self);

G_END_DECLS
