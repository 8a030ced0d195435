"""Argument checks of the product ops (`cross`, `diagonal`, `trace`...).

They read static shapes and Python axes only, so every backend's products
table refuses bad arguments with the same messages.
"""


def check_diagonal_axes(shape, axis1, axis2):
    """`diagonal`/`trace` need 2+ dimensions and two distinct axes."""
    rank = len(shape)
    if rank < 2:
        raise ValueError(
            "diagonal: x must have at least 2 dimensions. Received: shape "
            f"{tuple(shape)}."
        )
    if axis1 % rank == axis2 % rank:
        raise ValueError(
            "diagonal: axis1 and axis2 cannot be the same axis. Received: "
            f"axis1={axis1}, axis2={axis2} for an input of rank {rank}."
        )


def check_cross(shape1, shape2, axisa, axisb):
    """`cross` takes vectors of 2 or 3 components on its vector axes."""
    size1, size2 = shape1[axisa], shape2[axisb]
    if size1 not in (2, 3) or size2 not in (2, 3):
        raise ValueError(
            "cross: the vector axes must have 2 or 3 components. Received: "
            f"shapes {tuple(shape1)} and {tuple(shape2)} on their vector axes "
            f"{size1} and {size2}."
        )
