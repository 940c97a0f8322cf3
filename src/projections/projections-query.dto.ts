// Query strings of /projections: checked like every other filter, unknown ones refused with 400.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { STORED_READ_MODELS, type StoredReadModelName } from '../read-models/index.js';

const NAMES: StoredReadModelName[] = STORED_READ_MODELS.map((m) => m.name);

const FLAG = ['true', 'false'] as const;

export class ProjectionsStatusQueryDto {
  @ApiPropertyOptional({
    enum: FLAG,
    default: 'false',
    description: "true: add a hash of each read model's stored rows (proves rebuild == live; reads every row)",
  })
  @IsOptional()
  @IsIn(FLAG)
  hash?: 'true' | 'false';
}

export class RebuildQueryDto {
  @ApiPropertyOptional({ enum: NAMES, description: 'Only this read model; all when absent' })
  @IsOptional()
  @IsIn(NAMES, { message: `name must be one of the read models: ${NAMES.join(', ')}` })
  name?: StoredReadModelName;

  @ApiPropertyOptional({ enum: FLAG, default: 'false', description: 'true: answer when the rebuild has finished' })
  @IsOptional()
  @IsIn(FLAG)
  wait?: 'true' | 'false';
}
