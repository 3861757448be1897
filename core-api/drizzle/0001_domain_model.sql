-- Added by hand (drizzle cannot express extensions): trigram indexes for airport and station search.
-- pg_trgm is a trusted extension (PostgreSQL >= 13): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE TABLE "airports" (
	"iata" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"municipality" text,
	"country_code" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"kind" text,
	"search" text NOT NULL,
	CONSTRAINT "airports_iata_format" CHECK ("airports"."iata" ~ '^[A-Z]{3}$'),
	CONSTRAINT "airports_country_format" CHECK ("airports"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "airports_coordinates" CHECK ("airports"."latitude" between -90 and 90 and "airports"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"seq" bigint DEFAULT 0 NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_subject" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"unit_code" text,
	"year" integer,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	"previous_hash" text,
	"hash" text DEFAULT '' NOT NULL,
	CONSTRAINT "audit_log_seq_unique" UNIQUE("seq"),
	CONSTRAINT "audit_log_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "building_rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"building_location" text,
	"building_name" text NOT NULL,
	"room_name" text NOT NULL,
	"room_type" text,
	"surface_m2" double precision NOT NULL,
	CONSTRAINT "building_rooms_building_room" UNIQUE("building_name","room_name"),
	CONSTRAINT "building_rooms_surface" CHECK ("building_rooms"."surface_m2" >= 0 and "building_rooms"."surface_m2" < 'Infinity'::float8)
);
--> statement-breakpoint
CREATE TABLE "carbon_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carbon_reports_unit_year" UNIQUE("unit_id","year"),
	CONSTRAINT "carbon_reports_year_range" CHECK ("carbon_reports"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_module_id" uuid NOT NULL,
	"submodule" text NOT NULL,
	"data" jsonb NOT NULL,
	"note" text,
	"source" text DEFAULT 'manual' NOT NULL,
	"author_id" uuid,
	"derived_from_id" uuid,
	"kg_override" double precision,
	"status" text NOT NULL,
	"reason" text,
	"reason_message" text,
	"total_kg" double precision DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entries_submodule_known" CHECK ("entries"."submodule" in ('headcount/member', 'headcount/student', 'professional-travel/plane', 'professional-travel/train', 'buildings/rooms', 'buildings/combustion', 'buildings/embodied-energy', 'equipment/scientific', 'equipment/it', 'equipment/other', 'purchases/scientific-equipment', 'purchases/it-equipment', 'purchases/consumables', 'purchases/bio-chemicals', 'purchases/services', 'purchases/vehicles', 'purchases/other', 'purchases/centralised', 'external-cloud-ai/cloud', 'external-cloud-ai/ai', 'process-emissions/gases', 'research-facilities/facilities', 'research-facilities/animal-facilities')),
	CONSTRAINT "entries_source_known" CHECK ("entries"."source" in ('manual', 'csv_unit', 'csv_year', 'api', 'external_integration', 'derived')),
	CONSTRAINT "entries_status_known" CHECK ("entries"."status" in ('computed', 'not_computed')),
	CONSTRAINT "entries_reason_iff_not_computed" CHECK (("entries"."status" = 'not_computed') = ("entries"."reason" is not null)),
	CONSTRAINT "entries_data_object" CHECK (jsonb_typeof("entries"."data") = 'object'),
	CONSTRAINT "entries_override" CHECK ("entries"."kg_override" is null or ("entries"."kg_override" >= 0 and "entries"."kg_override" < 'Infinity'::float8)),
	CONSTRAINT "entries_total_kg" CHECK ("entries"."total_kg" >= 0 and "entries"."total_kg" < 'Infinity'::float8)
);
--> statement-breakpoint
CREATE TABLE "entry_emissions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "entry_emissions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"entry_id" uuid NOT NULL,
	"emission_type_id" integer NOT NULL,
	"emission_type" text NOT NULL,
	"scope" smallint NOT NULL,
	"category" text NOT NULL,
	"additional" boolean DEFAULT false NOT NULL,
	"kg_co2eq" double precision NOT NULL,
	"factor_id" uuid,
	"factor_year" integer,
	"quantity" double precision,
	"quantity_unit" text,
	"formula" text NOT NULL,
	"inputs" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "entry_emissions_scope" CHECK ("entry_emissions"."scope" between 1 and 3),
	CONSTRAINT "entry_emissions_kg" CHECK ("entry_emissions"."kg_co2eq" >= 0 and "entry_emissions"."kg_co2eq" < 'Infinity'::float8)
);
--> statement-breakpoint
CREATE TABLE "factors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"year" integer NOT NULL,
	"submodule" text NOT NULL,
	"emission_type" text,
	"classification" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"values" jsonb NOT NULL,
	"unit" text,
	"source" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "factors_identity" UNIQUE NULLS NOT DISTINCT("submodule","year","emission_type","classification"),
	CONSTRAINT "factors_submodule_known" CHECK ("factors"."submodule" in ('headcount/member', 'headcount/student', 'professional-travel/plane', 'professional-travel/train', 'buildings/rooms', 'buildings/combustion', 'buildings/embodied-energy', 'equipment/scientific', 'equipment/it', 'equipment/other', 'purchases/scientific-equipment', 'purchases/it-equipment', 'purchases/consumables', 'purchases/bio-chemicals', 'purchases/services', 'purchases/vehicles', 'purchases/other', 'purchases/centralised', 'external-cloud-ai/cloud', 'external-cloud-ai/ai', 'process-emissions/gases', 'research-facilities/facilities', 'research-facilities/animal-facilities')),
	CONSTRAINT "factors_year_range" CHECK ("factors"."year" between 2000 and 2100),
	CONSTRAINT "factors_classification_object" CHECK (jsonb_typeof("factors"."classification") = 'object'),
	CONSTRAINT "factors_values_object" CHECK (jsonb_typeof("factors"."values") = 'object')
);
--> statement-breakpoint
CREATE TABLE "fx_rates" (
	"year" integer NOT NULL,
	"currency" text NOT NULL,
	"rate_per_eur" double precision NOT NULL,
	"source" text,
	CONSTRAINT "fx_rates_pk" PRIMARY KEY("year","currency"),
	CONSTRAINT "fx_rates_currency_format" CHECK ("fx_rates"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "fx_rates_positive" CHECK ("fx_rates"."rate_per_eur" > 0 and "fx_rates"."rate_per_eur" < 'Infinity'::float8)
);
--> statement-breakpoint
CREATE TABLE "price_indices" (
	"currency" text NOT NULL,
	"year" integer NOT NULL,
	"value" double precision NOT NULL,
	"source" text,
	CONSTRAINT "price_indices_pk" PRIMARY KEY("currency","year"),
	CONSTRAINT "price_indices_currency_format" CHECK ("price_indices"."currency" ~ '^[a-z]{3}$'),
	CONSTRAINT "price_indices_positive" CHECK ("price_indices"."value" > 0 and "price_indices"."value" < 'Infinity'::float8)
);
--> statement-breakpoint
CREATE TABLE "report_modules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"module" text NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"total_kg" double precision DEFAULT 0 NOT NULL,
	"entry_count" integer DEFAULT 0 NOT NULL,
	"totals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"validated_at" timestamp with time zone,
	"validated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_modules_report_module" UNIQUE("report_id","module"),
	CONSTRAINT "report_modules_module_known" CHECK ("report_modules"."module" in ('headcount', 'professional-travel', 'buildings', 'equipment', 'purchases', 'external-cloud-ai', 'process-emissions', 'research-facilities')),
	CONSTRAINT "report_modules_status_known" CHECK ("report_modules"."status" in ('not_started', 'in_progress', 'validated')),
	CONSTRAINT "report_modules_validated_when" CHECK (("report_modules"."status" = 'validated') = ("report_modules"."validated_at" is not null)),
	CONSTRAINT "report_modules_total_kg" CHECK ("report_modules"."total_kg" >= 0 and "report_modules"."total_kg" < 'Infinity'::float8),
	CONSTRAINT "report_modules_entry_count" CHECK ("report_modules"."entry_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "train_stations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"location_key" text NOT NULL,
	"name" text NOT NULL,
	"country_code" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"search" text NOT NULL,
	CONSTRAINT "train_stations_location_key_unique" UNIQUE("location_key"),
	CONSTRAINT "train_stations_country_format" CHECK ("train_stations"."country_code" ~ '^[A-Z]{2}$'),
	CONSTRAINT "train_stations_coordinates" CHECK ("train_stations"."latitude" between -90 and 90 and "train_stations"."longitude" between -180 and 180)
);
--> statement-breakpoint
CREATE TABLE "year_configurations" (
	"year" integer PRIMARY KEY NOT NULL,
	"open_to_users" boolean DEFAULT false NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "year_configurations_year_range" CHECK ("year_configurations"."year" between 2000 and 2100),
	CONSTRAINT "year_configurations_config_object" CHECK (jsonb_typeof("year_configurations"."config") = 'object')
);
--> statement-breakpoint
ALTER TABLE "carbon_reports" ADD CONSTRAINT "carbon_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_report_module_id_report_modules_id_fk" FOREIGN KEY ("report_module_id") REFERENCES "public"."report_modules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entries" ADD CONSTRAINT "entries_derived_from_id_entries_id_fk" FOREIGN KEY ("derived_from_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_emissions" ADD CONSTRAINT "entry_emissions_entry_id_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "entry_emissions" ADD CONSTRAINT "entry_emissions_factor_id_factors_id_fk" FOREIGN KEY ("factor_id") REFERENCES "public"."factors"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_modules" ADD CONSTRAINT "report_modules_report_id_carbon_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."carbon_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_modules" ADD CONSTRAINT "report_modules_validated_by_users_id_fk" FOREIGN KEY ("validated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_configurations" ADD CONSTRAINT "year_configurations_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "airports_search_trgm" ON "airports" USING gin ("search" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_occurred_idx" ON "audit_log" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "entries_module_submodule_idx" ON "entries" USING btree ("report_module_id","submodule","created_at");--> statement-breakpoint
CREATE INDEX "entries_derived_from_idx" ON "entries" USING btree ("derived_from_id");--> statement-breakpoint
CREATE INDEX "entry_emissions_entry_idx" ON "entry_emissions" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "entry_emissions_factor_idx" ON "entry_emissions" USING btree ("factor_id");--> statement-breakpoint
CREATE INDEX "factors_year_submodule_idx" ON "factors" USING btree ("year","submodule");--> statement-breakpoint
CREATE INDEX "train_stations_name_country_idx" ON "train_stations" USING btree (lower("name"),"country_code");--> statement-breakpoint
CREATE INDEX "train_stations_search_trgm" ON "train_stations" USING gin ("search" gin_trgm_ops);
--> statement-breakpoint
-- Added by hand (drizzle cannot express functions and triggers): the audit log is append-only and hash-chained.
-- Inserts are serialised by a transaction-level advisory lock, so each row links to the one committed before it.
CREATE FUNCTION "audit_log_payload"(r "audit_log") RETURNS text LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'seq', r.seq,
    'occurred_at', to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    'actor_id', r.actor_id, 'actor_subject', r.actor_subject, 'action', r.action,
    'entity_type', r.entity_type, 'entity_id', r.entity_id, 'unit_code', r.unit_code, 'year', r.year,
    'before', r.before, 'after', r.after, 'request_id', r.request_id
  )::text
$$;
--> statement-breakpoint
CREATE FUNCTION "audit_log_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last record;
BEGIN
  PERFORM pg_advisory_xact_lock(4202607002);
  SELECT seq, hash INTO last FROM audit_log ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last.seq, 0) + 1;
  NEW.previous_hash := last.hash;
  NEW.hash := encode(sha256(convert_to(coalesce(last.hash, '') || audit_log_payload(NEW), 'UTF8')), 'hex');
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_log_chain" BEFORE INSERT ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER "audit_log_no_truncate" BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- The first seq whose link or hash does not check, or NULL when the whole chain is intact.
CREATE FUNCTION "audit_log_verify"() RETURNS bigint LANGUAGE sql STABLE AS $$
  SELECT min(seq) FROM (
    SELECT seq, hash, previous_hash, lag(hash) OVER (ORDER BY seq) AS expected_previous,
           encode(sha256(convert_to(coalesce(previous_hash, '') || audit_log_payload(a), 'UTF8')), 'hex') AS expected_hash,
           row_number() OVER (ORDER BY seq) AS n
    FROM audit_log a
  ) chain
  WHERE hash <> expected_hash OR previous_hash IS DISTINCT FROM expected_previous OR seq <> n
$$;
