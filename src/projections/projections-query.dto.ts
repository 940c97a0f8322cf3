// Query strings of /projections: checked like every other filter, unknown ones refused with 400.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { VIEW_NAMES, type ViewName } from '../read-models/index.js';

const FLAG = ['true', 'false'] as const;

export class ProjectionsStatusQueryDto {
  @ApiPropertyOptional({ enum: FLAG, default: 'false', description: 'true: add a stable hash of each view (proves rebuild == live; costs a full walk)' })
  @IsOptional() @IsIn(FLAG)
  hash?: 'true' | 'false';
}

export class RebuildQueryDto {
  @ApiPropertyOptional({ enum: VIEW_NAMES, description: 'Only this view; all when absent' })
  @IsOptional() @IsIn(VIEW_NAMES, { message: `name must be one of the views: ${VIEW_NAMES.join(', ')}` })
  name?: ViewName;

  @ApiPropertyOptional({ enum: FLAG, default: 'false', description: 'true: answer when the rebuild has finished' })
  @IsOptional() @IsIn(FLAG)
  wait?: 'true' | 'false';
}
