// Query strings of /projections: checked like every other filter, unknown ones refused with 400.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { READ_MODEL_NAMES, type ReadModelName } from '../read-models/index.js';

const FLAG = ['true', 'false'] as const;

export class ProjectionsStatusQueryDto {
  @ApiPropertyOptional({ enum: FLAG, default: 'false', description: 'true: add a stable hash of each view (proves rebuild == live; costs a full walk)' })
  @IsOptional() @IsIn(FLAG)
  hash?: 'true' | 'false';
}

export class RebuildQueryDto {
  @ApiPropertyOptional({ enum: READ_MODEL_NAMES, description: 'Only this view; all when absent' })
  @IsOptional() @IsIn(READ_MODEL_NAMES, { message: `name must be one of the views: ${READ_MODEL_NAMES.join(', ')}` })
  name?: ReadModelName;

  @ApiPropertyOptional({ enum: FLAG, default: 'false', description: 'true: answer when the rebuild has finished' })
  @IsOptional() @IsIn(FLAG)
  wait?: 'true' | 'false';
}
